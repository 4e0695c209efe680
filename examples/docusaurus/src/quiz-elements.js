// Custom elements need the browser: Docusaurus also runs this module when it renders the pages in
// Node, so register them on the client only.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

if (ExecutionEnvironment.canUseDOM) import('quiz-elements');
