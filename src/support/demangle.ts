// Rust symbol names as people read them, for diagnostics: the legacy mangling
// (`_ZN4core3fmt5write17h0123456789abcdefE` -> `core::fmt::write`). Other names
// (v0 `_R...`, C symbols) are returned unchanged.

const ESCAPES: Record<string, string> = {
  '$SP$': '@', '$BP$': '*', '$RF$': '&', '$LT$': '<', '$GT$': '>', '$LP$': '(', '$RP$': ')', '$C$': ',',
};

export function demangle(name: string): string {
  let s = name;
  if (s.startsWith('_ZN')) s = s.slice(3);
  else if (s.startsWith('ZN')) s = s.slice(2);
  else if (s.startsWith('__ZN')) s = s.slice(4);
  else return name;
  const parts: string[] = [];
  let i = 0;
  while (i < s.length && s[i] !== 'E') {
    let j = i;
    while (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
    if (j === i) return name;
    const len = Number(s.slice(i, j));
    const part = s.slice(j, j + len);
    if (part.length !== len) return name;
    parts.push(part);
    i = j + len;
  }
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1]!)) parts.pop();
  return parts.map(unescape).join('::');
}

function unescape(p: string): string {
  let out = p.startsWith('_$') ? p.slice(1) : p;
  out = out.replace(/\$(SP|BP|RF|LT|GT|LP|RP|C)\$/g, (m) => ESCAPES[m]!);
  out = out.replace(/\$u([0-9a-f]+)\$/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)));
  return out.replace(/\.\./g, '::');
}
