// Browser-like tests (happy-dom) wait for lazy-loaded pages; on a loaded shared machine the default of one
// second for findBy* is too short, and a test that fails on timing alone proves nothing.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}
