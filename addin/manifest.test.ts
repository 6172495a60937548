import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';

/**
 * The Office manifest cannot be checked by Microsoft's online validator here, so its
 * invariants are checked offline: well-formed XML, every resid defined, https only, the
 * custom-functions namespace, one shared runtime named consistently, the Home tab group and
 * the commands the pane associates. The built manifest (base URL substituted) is checked too.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const part = require('./webpack.part.js') as { manifestFor(base: string): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { semuaIkon } = require('../manifests/ikon.js') as { semuaIkon(): Record<string, Buffer> };

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Strict parse (saxes, namespace-aware): throws on anything not well-formed. */
function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = typeof a === 'string' ? a : a.value;
    const n: Node = { name: t.name, attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(n);
    else root = n;
    stack.push(n);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

function all(n: Node, pred: (x: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) all(c, pred, out);
  return out;
}
const named = (root: Node, name: string) => all(root, (n) => n.name === name);
const one = (root: Node, name: string) => {
  const found = named(root, name);
  expect(found).toHaveLength(1);
  return found[0];
};

const SOURCE = fs.readFileSync(path.join(__dirname, '..', 'manifests', 'manifest.xml'), 'utf8');

function checkInvariants(xml: string): Node {
  const root = parse(xml);
  expect(root.name).toBe('OfficeApp');
  expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(one(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one(root, 'DefaultLocale').text).toBe('id-ID');
  expect(one(root, 'Permissions').text).toBe('ReadWriteDocument');
  expect(
    named(root, 'Host')
      .filter((h) => h.attrs.Name)
      .map((h) => h.attrs.Name),
  ).toEqual(['Workbook']);
  const shared = named(root, 'Set').find((s) => s.attrs.Name === 'SharedRuntime');
  expect(shared?.attrs.MinVersion).toBe('1.1');
  // Periksa reads merged areas with Range.getMergedAreasOrNullObject (ExcelApi 1.13): an Excel
  // without it is told by Office that the add-in does not fit, rather than failing mid-check.
  expect(named(root, 'Set').find((s) => s.attrs.Name === 'ExcelApi')?.attrs.MinVersion).toBe('1.13');

  // Every resid is defined once, and every defined resource is used.
  const defined = new Map<string, Node>();
  for (const r of all(root, (n) => ['bt:Image', 'bt:Url', 'bt:String'].includes(n.name) && n.attrs.id !== undefined)) {
    expect(defined.has(r.attrs.id)).toBe(false);
    defined.set(r.attrs.id, r);
  }
  const used = all(root, (n) => n.attrs.resid !== undefined).map((n) => n.attrs.resid);
  for (const id of used) expect([id, defined.has(id)]).toEqual([id, true]);
  for (const id of defined.keys()) expect([id, used.includes(id)]).toEqual([id, true]);

  // https only, everywhere a URL appears.
  const urls = [
    ...all(root, (n) => /^https?:/i.test(n.attrs.DefaultValue ?? '')).map((n) => n.attrs.DefaultValue),
    ...named(root, 'AppDomain').map((n) => n.text.trim()),
  ];
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u).toMatch(/^https:\/\/[^\s]+$/);

  // Resource text limits of the manifest schema.
  for (const s of all(root, (n) => n.name === 'bt:String')) {
    const inShort = named(root, 'bt:ShortStrings')[0].children.includes(s);
    expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(inShort ? 125 : 250);
  }

  // Custom functions: the SAKIP namespace (at most 32 characters), metadata and script URLs.
  const cf = all(root, (n) => n.name === 'ExtensionPoint' && n.attrs['xsi:type'] === 'CustomFunctions')[0];
  const ns = defined.get(one(cf, 'Namespace').attrs.resid)!.attrs.DefaultValue;
  expect(ns).toBe('SAKIP');
  expect(ns.length).toBeLessThanOrEqual(32);
  const urlOf = (resid: string) => defined.get(resid)!.attrs.DefaultValue;
  expect(urlOf(one(one(cf, 'Metadata'), 'SourceLocation').attrs.resid)).toMatch(/\/functions\.json$/);
  expect(urlOf(one(one(cf, 'Script'), 'SourceLocation').attrs.resid)).toMatch(/\/taskpane\.js$/);

  // One long-lived runtime: functions page, function file, task pane and default page are the same.
  const runtime = one(root, 'Runtime');
  expect(runtime.attrs.lifetime).toBe('long');
  const rid = runtime.attrs.resid;
  expect(one(one(cf, 'Page'), 'SourceLocation').attrs.resid).toBe(rid);
  expect(one(root, 'FunctionFile').attrs.resid).toBe(rid);
  for (const a of all(root, (n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane'))
    expect(one(a, 'SourceLocation').attrs.resid).toBe(rid);
  const defaultPage = named(root, 'SourceLocation').find((n) => n.attrs.DefaultValue)!.attrs.DefaultValue;
  expect(defaultPage).toBe(urlOf(rid));
  expect(urlOf(rid)).toMatch(/\/taskpane\.html$/);

  // The "Lembar Kinerja" group on the Home tab with the three commands.
  const tab = one(root, 'OfficeTab');
  expect(tab.attrs.id).toBe('TabHome');
  const group = one(tab, 'Group');
  expect(defined.get(group.children.find((c) => c.name === 'Label')!.attrs.resid)?.attrs.DefaultValue).toBe('Lembar Kinerja');
  const labels = named(group, 'Control').map(
    (c) => defined.get(c.children.find((x) => x.name === 'Label')!.attrs.resid)!.attrs.DefaultValue,
  );
  expect(labels.slice(0, 3)).toEqual(['Periksa Tabel', 'Pohon Kinerja', 'Hapus Tanda']);
  return root;
}

describe('Office manifest', () => {
  it('holds its invariants in the source (dev base https://localhost:3000)', () => {
    const root = checkInvariants(SOURCE);
    expect(named(root, 'AppDomain')[0].text).toBe('https://localhost:3000');
  });

  it('names only commands the pane associates, and icons the build draws', () => {
    const root = parse(SOURCE);
    const functions = named(root, 'FunctionName').map((n) => n.text.trim());
    const pane = fs.readFileSync(path.join(__dirname, 'taskpane.ts'), 'utf8');
    const associated = [...pane.matchAll(/Office\.actions\.associate\('(\w+)'/g)].map((m) => m[1]);
    expect(functions.sort()).toEqual(associated.sort());
    const icons = Object.keys(semuaIkon());
    for (const img of named(root, 'bt:Image').filter((n) => n.attrs.DefaultValue)) {
      expect(icons).toContain(img.attrs.DefaultValue.replace('https://localhost:3000/', ''));
    }
    const sizes = [root.children.find((n) => n.name === 'IconUrl')!, root.children.find((n) => n.name === 'HighResolutionIconUrl')!];
    for (const s of sizes) expect(icons).toContain(s.attrs.DefaultValue.replace('https://localhost:3000/', ''));
  });

  it('gets the build’s base URL everywhere, escaped, and refuses a base that is not https', () => {
    const built = part.manifestFor('https://contoh.go.id/lembar-kinerja');
    expect(built).not.toContain('localhost');
    const root = checkInvariants(built);
    expect(named(root, 'AppDomain')[0].text).toBe('https://contoh.go.id/lembar-kinerja');
    expect(() => checkInvariants(part.manifestFor('https://contoh.go.id/a?b=1&c="2"'))).not.toThrow();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('./webpack.part.js') as (env: Record<string, string>, argv: Record<string, string>) => unknown;
    expect(() => config({ baseUrl: 'http://contoh.go.id' }, { mode: 'production' })).toThrow(/https/);
  });

  it('draws PNG icons of the declared sizes', () => {
    for (const [file, png] of Object.entries(semuaIkon())) {
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/-(\d+)\.png$/.exec(file)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
