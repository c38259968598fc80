// Checks on request what Backstory's background will use: scripting.executeScript (the annotator is
// injected that way) and the data-collection declaration.
browser.runtime.onMessage.addListener((message, sender) => {
  if (message === 'probe:features') return checkFeatures(sender.tab.id);
});

async function checkFeatures(tabId) {
  const inject = async () => {
    const [fromFile] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['injected.js'],
    });
    const [fromFunction] = await browser.scripting.executeScript({
      target: { tabId },
      func: (word) => `${word} ${document.title}`,
      args: ['title:'],
    });
    return [fromFile.result, fromFunction.result];
  };
  const gecko = browser.runtime.getManifest().browser_specific_settings?.gecko ?? {};
  return {
    scripting: await inject().catch((error) => String(error)),
    dataCollection: gecko.data_collection_permissions ?? null,
    dataCollectionGranted: (await browser.permissions.getAll()).data_collection ?? null,
  };
}
