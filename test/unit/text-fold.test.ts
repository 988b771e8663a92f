import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text/fold.ts';

describe('foldText', () => {
  it.each([
    ['Beyoncé', 'beyonce'],
    ['BEYONCE', 'beyonce'],
    ['Motörhead', 'motorhead'],
    ['Sigur Rós', 'sigur ros'],
    ['Ørjan Nilsen', 'orjan nilsen'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Æther', 'aether'],
    ['ﬁne', 'fine'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['坂本龍一', '坂本龍一'],
    ['Кино', 'кино'],
    ['Мой', 'мой'],
    ['ガガ', 'ガガ'],
    ['', ''],
    ["x' ; drop table releases; --", "x' ; drop table releases; --"],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('folds a string and its folded form alike', () => {
    for (const text of ['Café del Mar', 'Ångström', 'Ñandú', 'Dvořák']) {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }
  });
});
