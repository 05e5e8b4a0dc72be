import { AUDIT_ACTIONS, NK_PROVINCES, ORGANIZATION_TYPES, REGIONS, ROLES, Sex } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { en, ko } from '.';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const koKeys = flatten(ko);
const enKeys = flatten(en);

describe('i18n resources', () => {
  it('ko.json and en.json have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...koKeys.keys()].sort());
  });

  it('each message uses the same interpolation variables in both languages', () => {
    for (const [key, text] of koKeys) {
      expect({ key, variables: placeholders(enKeys.get(key) ?? '') }).toEqual({
        key,
        variables: placeholders(text),
      });
    }
  });

  it('has no empty message', () => {
    for (const [key, text] of [...koKeys, ...enKeys])
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it.each([
    ['roles', ROLES],
    ['organizationTypes', ORGANIZATION_TYPES],
    ['regions', REGIONS],
    ['auditActions', AUDIT_ACTIONS],
    ['nkProvinces', NK_PROVINCES],
    ['sex', Sex.options],
  ] as const)('labels every value of the domain enum %s, and nothing else', (group, values) => {
    expect(Object.keys(ko[group]).sort()).toEqual([...values].sort());
    expect(Object.keys(en[group]).sort()).toEqual([...values].sort());
  });

  it('describes coming modules only for real roles (a role with everything built has no line)', () => {
    for (const role of Object.keys(ko.home.upcoming)) expect(ROLES).toContain(role);
  });
});
