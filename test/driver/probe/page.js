// Fails on load when opened as page.html?fail. Listens to storage, as Backstory's popup and options
// do, which makes Firefox log a harmless error when the page closes (bug 1633315).
if (new URLSearchParams(location.search).has('fail')) globalThis.probeFail('extension page');
browser.storage.onChanged.addListener(() => undefined);
