// Reports an error both ways an extension context can: console.error, and an uncaught exception.
globalThis.probeFail = (where) => {
  console.error(`probe console.error in ${where}`);
  setTimeout(() => {
    throw new Error(`probe uncaught in ${where}`);
  });
};
