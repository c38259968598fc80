// Injected by scripting.executeScript({ files }): its last expression is the result.
({ title: document.title, highlights: typeof CSS.highlights });
