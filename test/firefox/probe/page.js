// Fails on load when opened as page.html?fail.
if (new URLSearchParams(location.search).has('fail')) globalThis.probeFail('extension page');
