/**
 * The reporter chunk's entry: from a target (`configureLearningRecords`) to a running reporter
 * with the right sink. One reporter per page: a new one stops the last.
 */
import { checkXapiLaunch, cmi5LaunchOf, LaunchError, xapiLaunchOf } from './launch.js';
import type { LearningRecordsOptions, LearningRecordsTarget, RecordsNotes } from './learning-records.js';
import { launchProblem, NoteBoard, Reporter, type LearningRecords, type RecordsSink } from './reporter.js';
import { scormSink } from './scorm-sink.js';
import { Cmi5Sink, XapiSink } from './xapi-sink.js';

let running: Reporter | null = null;
/** The notes of the last start, also when it failed (its note shows until the next start). */
let board: NoteBoard | null = null;

export function startReporting(target: LearningRecordsTarget, hook: RecordsNotes, options: LearningRecordsOptions & { fetch?: typeof fetch } = {}): LearningRecords {
  running?.stop();
  running = null;
  board?.stop();
  const notes = (board = new NoteBoard(hook));
  let kind: string;
  let sink: RecordsSink;
  try {
    if (target === 'scorm') {
      ({ kind, sink } = scormSink(notes));
    } else if (target === 'cmi5') {
      kind = 'cmi5';
      sink = new Cmi5Sink(cmi5LaunchOf(location.search, location.href), notes, { fetch: options.fetch, language: document.documentElement.lang || 'und' });
    } else if (typeof target === 'string' && target !== 'launch') {
      throw new LaunchError(`configureLearningRecords("${target}"): give an LRS ({ endpoint, auth, actor }) or one of "launch", "cmi5", "scorm".`, 'target');
    } else {
      kind = 'xapi';
      const launch = target === 'launch' ? xapiLaunchOf(location.search, location.href) : checkXapiLaunch(target ?? {}, location.href);
      sink = new XapiSink(launch, notes, options);
    }
  } catch (error) {
    launchProblem(notes, error);
  }
  running = new Reporter(kind, sink, notes);
  return running;
}
