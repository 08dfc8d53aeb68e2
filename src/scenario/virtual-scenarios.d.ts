// The virtual module made by bundled-plugin.ts: each bundled scenario file and the URL of its validation.
declare module 'virtual:brink-scenarios' {
  const bundledFiles: readonly { file: string; url: string }[];
  export default bundledFiles;
}
