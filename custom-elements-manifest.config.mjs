// custom-elements.json from the elements' JSDoc (`@summary @slot @csspart @cssprop @fires`, one doc
// comment per public property): `npm run analyze`. scripts/test-stories.mjs fails when the committed
// file is stale; Storybook's autodocs read it (.storybook/preview.ts).

/**
 * The manifest is the public API: only modules that define elements, only what they export, no
 * private or protected members (Storybook would list them as properties), no events without a
 * name (`this.dispatchEvent(new QuizErrorEvent(…))` is seen, but only `@fires` knows its name), and
 * `kind?: QuestionKind | undefined` typed once as `QuestionKind | undefined`.
 */
function publicApiOnly() {
  return {
    name: 'quiz-elements:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // Sorted: the file is compared byte for byte (scripts/test-stories.mjs), whatever order the glob found.
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => module.declarations?.some((declaration) => declaration.customElement && declaration.tagName))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const module of customElementsManifest.modules) {
        const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
        // Base classes of the elements (no tag of their own) are folded into each element by inheritance.
        module.declarations = module.declarations.filter((declaration) => exported.has(declaration.name) && (!declaration.customElement || declaration.tagName));
        for (const declaration of module.declarations) {
          if (!declaration.customElement) continue;
          declaration.members = declaration.members?.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
          declaration.events = declaration.events?.filter((event) => event.name);
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type?.text) item.type.text = item.type.text.replace(/( \| undefined)+$/, ' | undefined');
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  // Tests (*.test.ts, *.unit.test.ts) are also skipped by the analyzer itself; styles hold no API.
  exclude: ['src/elements/**/*.test.ts', 'src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` field is kept by hand, not rewritten by the analyzer.
  packagejson: false,
  plugins: [publicApiOnly()],
};
