import { describe, expect, it } from 'vitest';
import { XmlStream, XmlSyntaxError } from './xml-stream.ts';

/** Events as strings, adjacent text joined (chunking may split text). */
function events(xml: string, chunk = xml.length || 1): string[] {
  const out: string[] = [];
  const push = (e: string) => {
    const last = out[out.length - 1];
    if (e.startsWith('t ') && last?.startsWith('t ')) out[out.length - 1] = last + e.slice(2);
    else out.push(e);
  };
  const stream = new XmlStream({
    open: (name, attributes, line) => push(`o ${name} ${JSON.stringify(attributes)} ${line}`),
    text: (text) => push(`t ${text}`),
    close: (name, line) => push(`c ${name} ${line}`),
  });
  for (let i = 0; i < xml.length; i += chunk) stream.write(xml.slice(i, i + chunk));
  stream.end();
  return out;
}

function error(xml: string): { message: string; line: number } {
  try {
    events(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return { message: e.message, line: e.line };
    throw e;
  }
  throw new Error('no error');
}

describe('XmlStream', () => {
  it('reports tags, attributes, text and lines, dropping namespace prefixes', () => {
    expect(events('<?xml version="1.0"?>\n<ns:Doc xmlns:ns="urn:x">\n<ns:Amt Ccy="EUR">1.50</ns:Amt><E/></ns:Doc>')).toEqual([
      'o Doc {"ns":"urn:x"} 2',
      't \n',
      'o Amt {"Ccy":"EUR"} 3',
      't 1.50',
      'c Amt 3',
      'o E {} 3',
      'c E 3',
      'c Doc 3',
    ]);
  });

  it('decodes entities and character references, keeps CDATA as is, skips comments and DTDs', () => {
    expect(events('<!DOCTYPE a><a t="&lt;&amp;">x &amp; y&#65;&#x42;<!-- <b> --><![CDATA[<c>&amp;]]></a>')).toEqual([
      'o a {"t":"<&"} 1',
      't x & yAB<c>&amp;',
      'c a 1',
    ]);
  });

  it('reads quoted attribute values holding markup characters and odd spacing', () => {
    expect(events(`<a b = "1>2" c='<3' >x</a >`)).toEqual([`o a {"b":"1>2","c":"<3"} 1`, 't x', 'c a 1']);
  });

  it('gives the same events however the input is chunked', () => {
    const xml = '<?xml version="1.0"?>\n<D xmlns="u"><S><N><A Ccy="EUR">1</A><!-- c --><B><![CDATA[x]]></B></N>\n<N><A Ccy="USD">2 &amp; 3</A><B/></N></S></D>\n';
    const whole = events(xml);
    for (const chunk of [1, 2, 3, 5, 7, 11, 64]) expect(events(xml, chunk)).toEqual(whole);
  });

  it('raises located errors for malformed documents', () => {
    expect(error('<a>\n<b>x</c></a>')).toEqual({ message: '</c> does not close <b>', line: 2 });
    expect(error('<a>\n<b>')).toEqual({ message: 'unexpected end of document: <b> is not closed', line: 2 });
    expect(error('<a/><b/>')).toMatchObject({ message: 'more than one root element' });
    expect(error('x<a/>')).toMatchObject({ message: 'text outside the root element' });
    expect(error('<a><b<c/></a>')).toMatchObject({ message: '"<" inside a tag' });
    expect(error('<a><1b/></a>')).toMatchObject({ message: 'invalid element name "1b"' });
    expect(error('<a>&nope;</a>')).toMatchObject({ message: 'unknown entity &nope;' });
    expect(error('</a>')).toMatchObject({ message: '</a> has no matching start tag' });
    expect(error('<a')).toMatchObject({ message: 'unexpected end of document inside markup' });
    expect(error('')).toMatchObject({ message: 'the document has no root element' });
  });

  it('still checks names when the learned element order does not hold', () => {
    // The second <n> repeats the first's layout except for one element, which must not be mistaken for the guess.
    expect(events('<r><n><a>1</a><b>2</b></n><n><a>1</a><bb>2</bb></n></r>').filter((e) => e.startsWith('o '))).toEqual([
      'o r {} 1',
      'o n {} 1',
      'o a {} 1',
      'o b {} 1',
      'o n {} 1',
      'o a {} 1',
      'o bb {} 1',
    ]);
    expect(error('<r><n><a>1</a></n><n><a>1</aa></n></r>')).toMatchObject({ message: '</aa> does not close <a>' });
  });
});
