/** A site's name as a reader knows it, from a link: "https://www.fbi.gov/news/x" → "fbi.gov". */
import { siteOf } from '@/lib/shared/sites';

export function siteName(url: string): string | undefined {
  return siteOf(url)?.replace(/^www\./, '');
}
