import { describe, expect, it } from 'vitest';
import type { EndpointContract, ParameterShape, Validator } from '@specl/runtime';
import { checkBool, checkInt, checkList, checkString, decodeRequest } from '@specl/runtime';

const int: Validator = (value, path = '$') => checkInt(value, path);
const bool: Validator = (value, path = '$') => checkBool(value, path);
const text: Validator = (value, path = '$') => checkString(value, path);
const ints: Validator = (value, path = '$') => checkList(value, path, (v, p) => checkInt(v, p));
const texts: Validator = (value, path = '$') => checkList(value, path, (v, p) => checkString(v, p));

const shape = (name: string, validate: Validator): ParameterShape => ({
  name,
  wireName: name,
  optional: true,
  validate,
});

/** An endpoint with query parameters of the types a reading can give: the other fields unused. */
const contract = {
  pathParams: [],
  query: [
    shape('count', int),
    shape('flag', bool),
    shape('label', text),
    shape('ids', ints),
    shape('names', texts),
  ],
  headers: [],
  hasBody: false,
} as unknown as EndpointContract;

function decode(query: string) {
  return decodeRequest(contract, {}, new URLSearchParams(query), {}, undefined);
}

describe('reading parameters from their texts', () => {
  it('takes the first reading the type accepts: the text, its JSON, a list of either', () => {
    expect(decode('count=5&flag=true&label=5&ids=7&names=abc')).toEqual({
      request: { count: 5, flag: true, label: '5', ids: [7], names: ['abc'] },
      problems: [],
    });
    expect(decode('count=%205&ids=1&ids=2&names=x&names=%7B%7D').request).toEqual({
      count: 5,
      ids: [1, 2],
      names: ['x', '{}'],
    });
  });

  it('keeps a text that is not JSON as the text, and names the first reading that failed', () => {
    const { request, problems } = decode('count=abc&flag=yes&ids=1&ids=x');
    expect(request).toEqual({ count: 'abc', flag: 'yes', ids: ['1', 'x'] });
    expect(problems.map((p) => [p.shape.name, p.message])).toEqual([
      ['count', expect.stringContaining('an integer')],
      ['flag', expect.stringContaining('a boolean')],
      ['ids', '$[0]: expected an integer, got "1"'],
    ]);
  });
});
