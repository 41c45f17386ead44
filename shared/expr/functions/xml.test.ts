import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../json";
import { analyzeTemplate } from "../analyze";
import { ev, evError, makeContext } from "../test-support/helpers";
import { base64Encode, utf8Encode } from "./encoding";
import { getFunctionInfo } from "./registry";

/** An XML value as xml() and xpath() give it. */
function xml(text: string): JsonObject {
  return { "$content-type": "application/xml;charset=utf-8", $content: base64Encode(utf8Encode(text)) };
}

// The 'items' XML of the reference's xpath() examples 1 to 7.
const ITEMS = `<?xml version="1.0"?>
<produce>
  <item>
    <name>Gala</name>
    <type>apple</type>
    <count>20</count>
  </item>
  <item>
    <name>Honeycrisp</name>
    <type>apple</type>
    <count>10</count>
  </item>
</produce>`;

// Examples 4, 5 and 6 add attributes to the name elements.
const ITEMS_EXPIRED = ITEMS.replace("<name>Gala", "<name expired='true'>Gala").replace(
  "<name>Honeycrisp",
  "<name expired='false'>Honeycrisp",
);
const ITEMS_ONE_EXPIRED = ITEMS.replace("<name>Gala", "<name expired='true'>Gala");
const ITEMS_PRICED = ITEMS.replace("<name>Gala", "<name expired='true' price='12'>Gala").replace(
  "<name>Honeycrisp",
  "<name expired='false' price='40'>Honeycrisp",
);

// Example 8: what an HTTP action returns for an XML response.
const FILE = '<?xml version="1.0"?><file xmlns="https://contoso.com"><location>Paris</location></file>';

const PARAMETERS: Record<string, string> = {
  items: ITEMS,
  itemsExpired: ITEMS_EXPIRED,
  itemsOneExpired: ITEMS_ONE_EXPIRED,
  itemsPriced: ITEMS_PRICED,
};

const context = makeContext({
  parameters: (name) => PARAMETERS[name],
  actionResult: (name) =>
    name === "Http"
      ? {
          name: "Http",
          status: "Succeeded",
          outputs: {
            statusCode: 200,
            body: { "$content-type": "text/xml; charset=utf-8", $content: base64Encode(utf8Encode(FILE)) },
          },
        }
      : undefined,
});

const run = (expression: string) => ev(expression, context);
const runError = (expression: string) => evError(expression, context);

describe("xml()", () => {
  it.each([
    // the reference's examples
    ["@xml('<name>Sophia Owen</name>')", "<name>Sophia Owen</name>"],
    ['@xml(json(\'{ "name": "Sophia Owen" }\'))', "<name>Sophia Owen</name>"],
    // the reference prints this one indented; Json.NET, which Logic Apps uses, writes it on one line
    [
      '@xml(json(\'{"person": {"name": "Sophia Owen", "city": "Seattle"}}\'))',
      "<person><name>Sophia Owen</name><city>Seattle</city></person>",
    ],
    // a string holding a JSON object
    ['@xml(\'{"name": "Sophia Owen"}\')', "<name>Sophia Owen</name>"],
    ["@xml('  {\"a\": 1}')", "<a>1</a>"],
    // XML is kept as written
    ["@xml('<a  x=''1''>\n  <b/>\n</a>')", "<a  x='1'>\n  <b/>\n</a>"],
    ["@xml('<?xml version=\"1.0\"?><a/>')", '<?xml version="1.0"?><a/>'],
  ])("%s", (expression, text) => {
    expect(run(expression)).toEqual(xml(text));
  });

  it.each([
    // nested objects are elements, arrays repeat their element
    ['{"person": {"@id": 1, "name": "Ada"}}', '<person id="1"><name>Ada</name></person>'],
    ['{"name": {"@lang": "en", "#text": "Ada"}}', '<name lang="en">Ada</name>'],
    ['{"list": {"item": [1, 2, 3]}}', "<list><item>1</item><item>2</item><item>3</item></list>"],
    [
      '{"order": {"line": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}]}}',
      "<order><line><sku>A</sku><qty>2</qty></line><line><sku>B</sku><qty>1</qty></line></order>",
    ],
    ['{"a": {"b": [[1, 2], 3]}}', "<a><b><b>1</b><b>2</b></b><b>3</b></a>"],
    ['{"a": {"b": []}}', "<a/>"],
    // values: null is an empty element, numbers and booleans as XML writes them
    ['{"a": null}', "<a/>"],
    ['{"a": {"b": null, "c": ""}}', "<a><b/><c></c></a>"],
    [
      '{"a": {"t": true, "f": false, "n": 1.5, "z": 0, "big": 1e21}}',
      "<a><t>true</t><f>false</f><n>1.5</n><z>0</z><big>1E+21</big></a>",
    ],
    ['{"a": {"@empty": null}}', '<a empty=""/>'],
    // attributes may come anywhere in the object; text and elements keep their order
    ['{"p": {"#text": ["one ", " two"], "b": "x", "@k": "v"}}', '<p k="v">one  two<b>x</b></p>'],
    ['{"p": {"#text": "one ", "b": "x"}}', "<p>one <b>x</b></p>"],
    // escaping
    [
      '{"a": {"@q": "x\\"<&>", "#text": "1 < 2 & 3 > 0"}}',
      '<a q="x&quot;&lt;&amp;&gt;">1 &lt; 2 &amp; 3 &gt; 0</a>',
    ],
    ['{"a": {"#cdata-section": "x < y"}}', "<a><![CDATA[x < y]]></a>"],
    // the declaration and processing instructions
    ['{"?xml": {"@version": "1.0"}, "a": "x"}', '<?xml version="1.0"?><a>x</a>'],
    [
      '{"?xml": {"@version": "1.0", "@encoding": "utf-8", "@standalone": "yes"}, "a": "x"}',
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?><a>x</a>',
    ],
    ['{"a": {"?pi": "data"}}', "<a><?pi data?></a>"],
    // namespaces
    [
      '{"file": {"@xmlns": "https://contoso.com", "location": "Paris"}}',
      '<file xmlns="https://contoso.com"><location>Paris</location></file>',
    ],
    [
      '{"p:a": {"@xmlns:p": "urn:p", "p:b": "x", "c": "y"}}',
      '<p:a xmlns:p="urn:p"><p:b>x</p:b><c>y</c></p:a>',
    ],
    ['{"a": {"@xml:lang": "en"}}', '<a xml:lang="en"/>'],
    // keys that name prototype members are plain data
    ['{"__proto__": {"constructor": "x"}}', "<__proto__><constructor>x</constructor></__proto__>"],
  ])("converts %s", (json, text) => {
    expect(run(`@xml(json('${json}'))`)).toEqual(xml(text));
    expect(run(`@xml('${json}')`)).toEqual(xml(text));
  });

  it("puts elements in the namespace declared around them", () => {
    const value = 'xml(json(\'{"file": {"@xmlns": "https://contoso.com", "location": "Paris"}}\'))';
    expect(run(`@xpath(${value}, 'namespace-uri(/*/*)')`)).toBe("https://contoso.com");
    expect(run(`@xpath(${value}, '/file')`)).toEqual([]);
  });

  it("reads XML content: its own values, a connector's XML response, binary content", () => {
    expect(run("@xml(xml('<a/>'))")).toEqual(xml("<a/>"));
    expect(run("@xml(body('Http'))")).toEqual(xml(FILE));
    expect(run("@xml(base64ToBinary(base64('<a>é</a>')))")).toEqual(xml("<a>é</a>"));
  });

  it("gives its XML text in string interpolation, string() and concat()", () => {
    expect(run('Body: @{xml(json(\'{"a": {"b": "x"}}\'))}!')).toBe("Body: <a><b>x</b></a>!");
    expect(run("@string(xml('<name>Sophia Owen</name>'))")).toBe("<name>Sophia Owen</name>");
    expect(run("@concat('[', xml('<a/>'), ']')")).toBe("[<a/>]");
    expect(run("@base64(xml('<a/>'))")).toBe(base64Encode(utf8Encode("<a/>")));
    expect(run("@{body('Http')}")).toBe(FILE);
    expect(run("@equals(xml('<a/>'), xml(json('{\"a\": null}')))")).toBe(true);
  });

  it("leaves other content and objects as JSON in text", () => {
    expect(run("@string(binary('<a/>'))")).toBe(
      '{"$content-type":"application/octet-stream","$content":"PGEvPg=="}',
    );
    expect(
      run('@string(json(\'{"$content-type": "application/xml", "$content": "PGEvPg==", "x": 1}\'))'),
    ).toBe('{"$content-type":"application/xml","$content":"PGEvPg==","x":1}');
  });

  it("is known to the designer and the checker", () => {
    expect(getFunctionInfo("XML")).toMatchObject({
      name: "xml",
      group: "conversion",
      signature: "xml(value: string | object): object",
      minArgs: 1,
      maxArgs: 1,
      returns: "object",
    });
    const analysis = analyzeTemplate("@xml(json('{\"a\": 1}'))");
    expect(analysis.errors).toEqual([]);
    expect(analysis.type).toBe("object");
  });

  it.each([
    ["@xml('<a>')", "runtime", "'xml' could not parse the string as XML: unclosed xml tag(s): a"],
    ["@xml('<a></b>')", "runtime", 'Opening and ending tag mismatch: "a" != "b"'],
    ["@xml('not xml')", "runtime", "could not parse the string as XML"],
    ["@xml('')", "runtime", "could not parse the string as XML"],
    ["@xml('<a/><b/>')", "runtime", "could not parse the string as XML"],
    ["@xml('<a x=1/>')", "runtime", "could not parse the string as XML"],
    ["@xml('<p:a/>')", "runtime", "could not parse the string as XML"],
    ["@xml(binary('<a'))", "runtime", "'xml' could not parse the content as XML"],
    [
      '@xml(json(\'{"a": 1, "b": 2}\'))',
      "runtime",
      "'xml' expects a JSON object with exactly one root property, the root element; this one has 2: 'a', 'b'",
    ],
    ["@xml(json('{}'))", "runtime", "exactly one root property, the root element; this one has none"],
    ['@xml(\'{"?xml": {"@version": "1.0"}}\')', "runtime", "this one has none"],
    [
      "@xml(json('{\"a\": [1, 2]}'))",
      "runtime",
      "'xml' expects the root property 'a' not to be an array: an XML document has exactly one root element",
    ],
    [
      "@xml('[{\"a\": 1}]')",
      "runtime",
      "'xml' expects a JSON object with exactly one root property, not an array",
    ],
    ["@xml('{\"a\": 1')", "runtime", "'xml' could not parse the string as JSON"],
    ["@xml(json('{\"@a\": 1}'))", "runtime", "expects the root property to be an element, not '@a'"],
    ['@xml(json(\'{"#text": "x"}\'))', "runtime", "expects the root property to be an element, not '#text'"],
    ['@xml(json(\'{"my name": "x"}\'))', "runtime", "'xml' cannot use 'my name' as an XML element name"],
    ['@xml(json(\'{"a": {"1b": "x"}}\'))', "runtime", "cannot use '1b' as an XML element name"],
    ['@xml(json(\'{"a": {"@b c": "x"}}\'))', "runtime", "cannot use 'b c' as an XML attribute name"],
    [
      '@xml(json(\'{"a": {"@b": {"c": 1}}}\'))',
      "runtime",
      "'xml' expects '@b' to be a string, a number, a boolean or null, not an object",
    ],
    ['@xml(json(\'{"a": {"@b": [1]}}\'))', "runtime", "expects the attribute '@b' not to be an array"],
    [
      '@xml(json(\'{"p:a": "x"}\'))',
      "runtime",
      "uses the namespace prefix 'p' in 'p:a' without declaring it (\"@xmlns:p\")",
    ],
    ['@xml(json(\'{"a": "\\u0001"}\'))', "runtime", "cannot put the character U+0001 of 'a' in XML"],
    ['@xml(json(\'{"a": {"@b": "\\ud800"}}\'))', "runtime", "cannot put the character U+D800 of '@b' in XML"],
    ['@xml(json(\'{"a": {"#cdata-section": "]]>"}}\'))', "runtime", "cannot put ']]>' in a '#cdata-section'"],
    [
      '@xml(json(\'{"a": {"?xml": {"@version": "1.0"}}}\'))',
      "runtime",
      "'?xml' (the declaration) only first",
    ],
    ['@xml(json(\'{"!DOCTYPE": {"@name": "a"}, "a": 1}\'))', "runtime", "document type declaration"],
    [
      "@xml(null)",
      "type",
      "'xml' expects a string holding XML or JSON, or a JSON object; argument 1 is null",
    ],
    ["@xml(1)", "type", "argument 1 is an integer"],
    ["@xml(createArray('<a/>'))", "type", "argument 1 is an array"],
    ["@xml()", "arity", "'xml' expects 1 argument but got 0"],
  ])("%s fails", (expression, code, message) => {
    const error = runError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("never expands entities nor reads a DTD from elsewhere", () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    expect(runError(`@xml('${laughs}')`).message).toContain("entity not found");
    expect(runError("@xml('<a>&nbsp;</a>')").message).toContain("entity not found");
    const external = '<!DOCTYPE a SYSTEM "https://example.com/a.dtd"><a>&ext;</a>';
    expect(runError(`@xml('${external}')`).message).toContain("entity not found");
    expect(run("@xml('<!DOCTYPE a SYSTEM \"https://example.com/a.dtd\"><a>x</a>')")).toEqual(
      xml('<!DOCTYPE a SYSTEM "https://example.com/a.dtd"><a>x</a>'),
    );
    expect(run("@xml('<a>&lt;&amp;&#65;</a>')")).toEqual(xml("<a>&lt;&amp;&#65;</a>"));
  });

  it("refuses XML and JSON nested past the limit", () => {
    const deepXml = `${"<a>".repeat(150)}${"</a>".repeat(150)}`;
    expect(runError(`@xml('${deepXml}')`).code).toBe("limit");
    const deepJson = `${'{"a":'.repeat(150)}1${"}".repeat(150)}`;
    expect(runError(`@xml('${deepJson}')`).code).toBe("limit");
    expect(run(`@xml('${"<a>".repeat(100)}${"</a>".repeat(100)}')`)).toEqual(
      xml(`${"<a>".repeat(100)}${"</a>".repeat(100)}`),
    );
  });
});

describe("xpath()", () => {
  const gala = xml("<name>Gala</name>");
  const honeycrisp = xml("<name>Honeycrisp</name>");

  it.each([
    // Example 1
    ["@xpath(xml(parameters('items')), '/produce/item/name')", [gala, honeycrisp]],
    // Examples 2 and 3: the reference shows one name, but in XPath 1.0 name[1] and name[last()]
    // select the first and last name *of each item*, which is each item's only name
    ["@xpath(xml(parameters('items')), '/produce/item/name[1]')", [gala, honeycrisp]],
    ["@xpath(xml(parameters('items')), '/produce/item/name[last()]')", [gala, honeycrisp]],
    // …the first and last name of the document are these
    ["@xpath(xml(parameters('items')), '(/produce/item/name)[1]')", [gala]],
    ["@xpath(xml(parameters('items')), '(/produce/item/name)[last()]')", [honeycrisp]],
    ["@xpath(xml(parameters('items')), 'string(/produce/item/name[1])')", "Gala"],
    ["@xpath(xml(parameters('items')), 'string((/produce/item/name)[last()])')", "Honeycrisp"],
    // Example 4
    [
      "@xpath(xml(parameters('itemsExpired')), '//name[@expired]')",
      [xml('<name expired="true">Gala</name>'), xml('<name expired="false">Honeycrisp</name>')],
    ],
    // Example 5
    [
      "@xpath(xml(parameters('itemsOneExpired')), '//name[@expired = ''true'']')",
      [xml('<name expired="true">Gala</name>')],
    ],
    // Example 6: as written, the expression looks for a child element 'price', which there is not…
    ["@xpath(xml(parameters('itemsPriced')), '//name[price>35]')", []],
    // …the price is an attribute
    [
      "@xpath(xml(parameters('itemsPriced')), '//name[@price>35]')",
      [xml('<name expired="false" price="40">Honeycrisp</name>')],
    ],
    // Example 7
    ["@xpath(xml(parameters('items')), 'sum(/produce/item/count)')", 30],
    // Example 8
    [
      "@xpath(xml(body('Http')), '/*[name()=\"file\"]/*[name()=\"location\"]')",
      [xml('<location xmlns="https://contoso.com">Paris</location>')],
    ],
    [
      '@xpath(xml(body(\'Http\')), \'/*[local-name()="file" and namespace-uri()="https://contoso.com"]/*[local-name()="location"]\')',
      [xml('<location xmlns="https://contoso.com">Paris</location>')],
    ],
    // Example 9
    ["@xpath(xml(body('Http')), 'string(/*[name()=\"file\"]/*[name()=\"location\"])')", "Paris"],
  ])("follows the reference: %s", (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    // attributes and text give their values
    ["@xpath(xml(parameters('itemsExpired')), '//name/@expired')", ["true", "false"]],
    ["@xpath(xml(parameters('items')), '//name/text()')", ["Gala", "Honeycrisp"]],
    ["@xpath(xml('<a><![CDATA[x < y]]></a>'), '/a/text()')", ["x < y"]],
    ["@xpath(xml('<a><!--note--></a>'), '/a/comment()')", ["note"]],
    // numbers, strings and booleans are JSON values
    ["@xpath(xml(parameters('items')), 'count(//item)')", 2],
    ["@xpath(xml(parameters('items')), 'count(//item) = 2')", true],
    ["@xpath(xml(parameters('items')), 'boolean(//pear)')", false],
    ["@xpath(xml(parameters('items')), 'concat(//item[2]/name, \"!\")')", "Honeycrisp!"],
    ["@xpath(xml(parameters('items')), 'sum(//count) div 4')", 7.5],
    ["@xpath(xml(parameters('items')), 'number(\"twenty\")')", "NaN"],
    ["@xpath(xml(parameters('items')), '//pear')", []],
    // the whole document, and nested elements as written
    ["@xpath(xml('<a><b x=\"1\"><c/></b></a>'), '/')", [xml('<a><b x="1"><c/></b></a>')]],
    ["@xpath(xml('<a><b x=\"1\"><c/></b></a>'), '/a/b')", [xml('<b x="1"><c/></b>')]],
    [
      "@xpath(xml('<p:a xmlns:p=\"urn:p\"><p:b>x</p:b></p:a>'), '//*[local-name()=\"b\"]')",
      [xml('<p:b xmlns:p="urn:p">x</p:b>')],
    ],
    // a string holding XML, and XML from JSON
    ["@xpath('<a><b>1</b><b>2</b></a>', 'sum(/a/b)')", 3],
    ["@xpath(xml(json('{\"a\": {\"b\": [1, 2, 3]}}')), 'count(/a/b)')", 3],
  ])("%s", (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it("gives nodes whose text is their XML and which xpath() and xml() read again", () => {
    expect(run("@{first(xpath(xml(parameters('items')), '/produce/item'))}")).toBe(
      "<item>\n    <name>Gala</name>\n    <type>apple</type>\n    <count>20</count>\n  </item>",
    );
    expect(run("@xpath(first(xpath(xml(parameters('items')), '//item')), 'string(/item/type)')")).toBe(
      "apple",
    );
    expect(run("@xml(last(xpath(xml(parameters('items')), '//name')))")).toEqual(honeycrisp);
    expect(run("@xpath(xml(parameters('items')), '//name')[1]")).toEqual(honeycrisp);
  });

  it("keeps an XPath number a float", () => {
    expect(run("@div(xpath(xml(parameters('items')), 'sum(//count)'), 4)")).toBe(7.5);
  });

  it("is known to the designer and the checker", () => {
    expect(getFunctionInfo("XPath")).toMatchObject({
      name: "xpath",
      group: "conversion",
      signature: "xpath(xml: object | string, xpath: string): any",
      minArgs: 2,
      maxArgs: 2,
      returns: "any",
    });
    expect(analyzeTemplate("@xpath(xml('<a/>'), '/a')").errors).toEqual([]);
  });

  it.each([
    [
      "@xpath(xml('<a/>'), '/*[')",
      "runtime",
      "'xpath' could not evaluate the XPath expression '/*[': XPath parse error",
    ],
    [
      "@xpath(xml('<a/>'), 'nothing(/a)')",
      "runtime",
      "could not evaluate the XPath expression 'nothing(/a)'",
    ],
    ["@xpath(xml('<a/>'), '/p:a')", "runtime", "could not evaluate the XPath expression '/p:a'"],
    ["@xpath(xml('<a/>'), '')", "runtime", "could not evaluate the XPath expression ''"],
    [
      "@xpath('<a>', '/a')",
      "runtime",
      "'xpath' could not parse the first argument as XML: unclosed xml tag(s): a",
    ],
    ["@xpath('plain text', '/a')", "runtime", "could not parse the first argument as XML"],
    ["@xpath(null, '/a')", "type", "'xpath' expects XML or a string holding XML; argument 1 is null"],
    [
      "@xpath(json('{\"a\": 1}'), '/a')",
      "type",
      "'xpath' expects XML or a string holding XML (use xml() to convert a JSON object); argument 1 is an object",
    ],
    ["@xpath(createArray(), '/a')", "type", "argument 1 is an array"],
    [
      "@xpath(xml('<a/>'), 1)",
      "type",
      "'xpath' expects an XPath expression (a string); argument 2 is an integer",
    ],
    ["@xpath(xml('<a/>'), null)", "type", "argument 2 is null"],
    ["@xpath(xml('<a/>'))", "arity", "'xpath' expects 2 arguments but got 1"],
  ])("%s fails", (expression, code, message) => {
    const error = runError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("underlines the failing call", () => {
    const error = runError("@concat('x', xpath(xml('<a/>'), '/*['))");
    expect([error.position, error.length]).toEqual([13, 25]);
  });
});

describe("json() of XML", () => {
  it("follows the reference's example, as Json.NET converts it", () => {
    // The reference shows "person" as an array of one object; Json.NET, which Logic Apps uses,
    // makes an array only of elements that repeat.
    expect(
      run(
        "@json(xml('<?xml version=\"1.0\"?> <root> <person id=''1''> <name>Sophia Owen</name> <occupation>Engineer</occupation> </person> </root>'))",
      ),
    ).toEqual({
      "?xml": { "@version": "1.0" },
      root: { person: { "@id": "1", name: "Sophia Owen", occupation: "Engineer" } },
    });
  });

  it.each([
    ["<a/>", { a: null }],
    ["<a> </a>", { a: "" }],
    ["<a>x</a>", { a: "x" }],
    ["<a><b>1</b><b>2</b><c/></a>", { a: { b: ["1", "2"], c: null } }],
    ['<a k="v">x</a>', { a: { "@k": "v", "#text": "x" } }],
    ["<a>one <b/> two</a>", { a: { "#text": ["one ", " two"], b: null } }],
    ["<a><![CDATA[x < y]]></a>", { a: { "#cdata-section": "x < y" } }],
    ["<a><!-- note --><b>x</b></a>", { a: { b: "x" } }],
    ["<a><?pi data?></a>", { a: { "?pi": "data" } }],
    [
      '<?xml version="1.0" encoding="utf-8" standalone="no"?><a/>',
      { "?xml": { "@version": "1.0", "@encoding": "utf-8", "@standalone": "no" }, a: null },
    ],
    [
      '<file xmlns="https://contoso.com"><location>Paris</location></file>',
      { file: { "@xmlns": "https://contoso.com", location: "Paris" } },
    ],
    ['<p:a xmlns:p="urn:p"><p:b>x</p:b></p:a>', { "p:a": { "@xmlns:p": "urn:p", "p:b": "x" } }],
    [
      '<!DOCTYPE a PUBLIC "-//A//EN" "a.dtd"><a/>',
      { "!DOCTYPE": { "@name": "a", "@public": "-//A//EN", "@system": "a.dtd" }, a: null },
    ],
  ])("converts %s", (text, expected) => {
    expect(run(`@json(xml('${text}'))`)).toEqual(expected);
  });

  it("converts XML from a connector, and round-trips xml(json(…))", () => {
    expect(run("@json(body('Http'))")).toEqual({
      "?xml": { "@version": "1.0" },
      file: { "@xmlns": "https://contoso.com", location: "Paris" },
    });
    const json = '{"order": {"@id": "7", "line": [{"sku": "A"}, {"sku": "B"}], "note": null}}';
    expect(run(`@json(xml(json('${json}')))`)).toEqual(JSON.parse(json));
    expect(run("@json(xml('<__proto__><polluted>1</polluted></__proto__>'))['__proto__']")).toEqual({
      polluted: "1",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
