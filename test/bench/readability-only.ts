/**
 * The budget's yardstick (DESIGN.md, "Budgets"): a content script that only runs Readability once
 * on the page, as any reader-mode extension does. Built into its own extension at bench time.
 */
import { Readability } from '@mozilla/readability';

new Readability(document.cloneNode(true) as Document).parse();
