/**
 * Second-level labels under which registries sell names (`bbc.co.uk`, `abc.net.au`). A short
 * list instead of the full Public Suffix List: it only decides whether an image comes from the
 * article's own site, and a miss errs on the side of hiding an image, never of leaking a request.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic']);

/**
 * Hosting platforms where every subdomain belongs to someone else (from the Public Suffix List's
 * private section): `a.github.io` and `b.github.io` are different sites.
 */
const SHARED_HOSTS = [
  'github.io',
  'gitlab.io',
  'blogspot.com',
  'cloudfront.net',
  'herokuapp.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  's3.amazonaws.com',
  'glitch.me',
  'onrender.com',
  'fly.dev',
  'wordpress.com',
];

/** `static.news.example.co.uk` → `example.co.uk`; IP addresses and single labels are returned as they are. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const shared = SHARED_HOSTS.find((suffix) => host.endsWith(`.${suffix}`));
  if (shared) return labels.slice(-(shared.split('.').length + 1)).join('.');
  const take = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-take).join('.');
}
