/**
 * The embed page's one script (`cdn/embed.js`): every widget (../all.ts), with what they otherwise load on demand (the
 * portal adapters, the downloads' files) in the same file, then the page itself (./embed.ts). A page sandboxed without
 * `allow-same-origin` can run only the scripts its policy names by hash: it could not fetch another one later.
 */
import '../all.js';
import './embed.js';
