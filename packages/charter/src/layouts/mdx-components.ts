/** What MDX chapters are rendered with: the authors' components plus headings with copy links. */
import { authorComponents } from '../components/index.ts';
import H2 from './parts/H2.astro';
import H3 from './parts/H3.astro';
import H4 from './parts/H4.astro';
import Link from './parts/Link.astro';
import PacketH2 from './parts/PacketH2.astro';
import PacketH3 from './parts/PacketH3.astro';
import PacketH4 from './parts/PacketH4.astro';

export const mdxComponents = { ...authorComponents, a: Link, h2: H2, h3: H3, h4: H4 };

/** For pages that show several chapters at once (the welcome packet), where heading ids would clash. */
export const packetComponents = { ...authorComponents, a: Link, h2: PacketH2, h3: PacketH3, h4: PacketH4 };
