/** What MDX chapters are rendered with: the authors' components plus headings with copy links. */
import { authorComponents } from '../components/index.ts';
import H2 from './parts/H2.astro';
import H3 from './parts/H3.astro';
import H4 from './parts/H4.astro';

export const mdxComponents = { ...authorComponents, h2: H2, h3: H3, h4: H4 };
