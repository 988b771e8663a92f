/**
 * Folds text for searches that ignore case and accents: "Beyoncé" and "BEYONCE" both become
 * "beyonce". Letters that Unicode does not decompose (ø, æ, ß, ł...) are spelled out the way a
 * person would type them; other scripts are kept, only lowercased. The records tables store this
 * form in their `*_folded` columns, and the query language folds a `~` value the same way.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

// Only marks on Latin letters are accents; on kana or Cyrillic (が, й) they make another letter.
const LATIN_DIACRITICS = /(\p{Script=Latin})[\u0300-\u036f]+/gu;

const UNDECOMPOSED = /[ßẞæÆœŒøØłŁđĐðÐþÞı]/g;

export function foldText(text: string): string {
  // ASCII needs only lowercasing; most titles and names are ASCII.
  // Stryker disable next-line ConditionalExpression,Regex: the full path below folds ASCII to the same text; this line only skips its work
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the full ASCII range is meant
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '$1')
    .replace(UNDECOMPOSED, (letter) => SPELLED_OUT[letter] ?? letter)
    .toLowerCase()
    .normalize('NFC');
}
