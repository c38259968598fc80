// Fails when asked; highlights elements marked data-probe-highlight the way Backstory's annotator will
// (a CSS Custom Highlight registered from the content script); on a page with #probe-features, writes
// there what the background found it can do.
browser.runtime.onMessage.addListener((message) => {
  if (message === 'probe:fail') globalThis.probeFail('content script');
});
const ranges = [...document.querySelectorAll('[data-probe-highlight]')].map((element) => {
  const range = new Range();
  range.selectNodeContents(element);
  return range;
});
if (ranges.length > 0) CSS.highlights.set('probe-content-script', new Highlight(...ranges));
const report = document.getElementById('probe-features');
if (report) {
  browser.runtime.sendMessage('probe:features').then(
    (features) => {
      report.textContent = JSON.stringify(features);
    },
    (error) => {
      report.textContent = JSON.stringify({ error: String(error) });
    },
  );
}
