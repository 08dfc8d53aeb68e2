// The virtual module made by src/build/region-plugin.ts: scenario id → URL of its cut region (JSON).
declare module 'virtual:brink-regions' {
  const regionUrls: Readonly<Record<string, string>>;
  export default regionUrls;
}
