// Hostile TeX (issue 17): formulas written to attack the math renderer, used in Node
// (src/render/math.unit.test.ts), in the browser (src/render/math.test.ts) and in every field of
// every element (hostile-math.test.ts). Each must render as inert MathML, or as its source with an
// error style, quickly. URLs point at loopback only.

/** TeX written to attack: each must render as inert MathML or as its source with an error. */
export const HOSTILE_TEX: [name: string, tex: string][] = [
  ['javascript: in \\href', '\\href{javascript:alert(1)}{click}'],
  ['\\url', '\\url{javascript:alert(1)}'],
  ['\\includegraphics', '\\includegraphics{http://127.0.0.1:1/x.png}'],
  ['\\htmlClass', '\\htmlClass{x}{y}'],
  ['\\htmlId', '\\htmlId{x}{y}'],
  ['\\htmlStyle', '\\htmlStyle{background:url(http://127.0.0.1:1/)}{y}'],
  ['\\htmlData', '\\htmlData{foo=bar}{y}'],
  ['\\class, \\id, \\style, \\data (trust)', '\\class{x}{a}\\id{y}{b}\\style{color:red}{c}\\data{k=v}{d}'],
  ['huge \\rule', '\\rule{100000em}{100000em}'],
  ['huge negative lengths', '\\hspace{-100000em}x\\raisebox{-5000cm}{y}\\kern-99999pt z\\mkern-99999mu w'],
  ['macro bomb \\def', '\\def\\a{\\a\\a}\\a'],
  ['macro bomb \\newcommand', '\\newcommand{\\b}{\\b\\b}\\b'],
  ['macro bomb \\gdef chain', '\\gdef\\a{xxxxxxxx}\\gdef\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\b\\b\\b\\b'],
  ['100,000-character formula', 'x+'.repeat(50_000)],
  ['unbalanced braces', '\\frac{a}{'],
  ['unbalanced closing brace', 'a}}}'],
  ['</script>', '</script><script>alert(1)</script>'],
  ['HTML in TeX', '<img src=x onerror=alert(1)>'],
  ['HTML in \\text', '\\text{<img src=x onerror=alert(1)>}'],
  ['\\unicode', '\\unicode{x1F600}'],
  ['CSS in \\color', '\\color{red; background:url(http://127.0.0.1:1/)}{x}'],
  ['deeply nested braces', '{'.repeat(1999) + 'x' + '}'.repeat(1999)],
  ['deeply nested fractions', '\\frac{'.repeat(300) + 'x' + '}{y}'.repeat(300)],
  ['fractions nested just over the limit (WebKit doubles its layout time per level)', '\\frac{'.repeat(13) + 'x' + '}{y}'.repeat(13)],
  ['deeply nested roots', '\\sqrt{'.repeat(600) + 'x' + '}'.repeat(600)],
  ['many built-in macros', '\\iff\\implies\\dots'.repeat(200)],
  ['wide matrix', `\\begin{matrix}${`${'a&'.repeat(40)}a\\\\`.repeat(40)}\\end{matrix}`],
  ['\\ref and \\eqref', '\\tag{1}\\label{eq} \\eqref{eq} \\ref{eq}'],
];

