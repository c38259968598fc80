import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** A container in the document during each test of the calling file; its Preact tree is unmounted after each. */
export function renderRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
