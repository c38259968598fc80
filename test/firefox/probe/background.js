// Remembers the commands Firefox fired, for the tests to read.
globalThis.probeCommands = [];
browser.commands.onCommand.addListener((name) => globalThis.probeCommands.push(name));
