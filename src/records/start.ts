/**
 * The reporter chunk's entry: from a target (`configureLearningRecords`) to a running reporter
 * with the right sink, each sink a chunk of its own (a SCORM page downloads no xAPI code, an xAPI
 * page no SCORM code). One reporter per page: a new one stops the last.
 */
import { LazyChunk } from '../lazy.js';
import { checkXapiLaunch, cmi5LaunchOf, LaunchError, xapiLaunchOf } from './launch.js';
import type { LearningRecordsOptions, LearningRecordsTarget, RecordsNotes } from './learning-records.js';
import { launchProblem, NoteBoard, Reporter, type LearningRecords, type RecordsSink } from './reporter.js';

const xapiChunk = new LazyChunk(() => import('./xapi-sink.js'), 'xAPI reporting');
const scormChunk = new LazyChunk(() => import('./scorm-sink.js'), 'SCORM reporting');

let running: Reporter | null = null;
/** The notes of the last start, also when it failed (its note shows until the next start). */
let board: NoteBoard | null = null;

export async function startReporting(target: LearningRecordsTarget, hook: RecordsNotes, options: LearningRecordsOptions & { fetch?: typeof fetch } = {}): Promise<LearningRecords> {
  running?.stop();
  running = null;
  board?.stop();
  const notes = (board = new NoteBoard(hook));
  let kind: string;
  let sink: RecordsSink;
  try {
    if (target === 'scorm') {
      ({ kind, sink } = (await scormChunk.load()).scormSink(notes));
    } else if (target === 'cmi5') {
      kind = 'cmi5';
      const launch = cmi5LaunchOf(location.search, location.href);
      sink = new (await xapiChunk.load()).Cmi5Sink(launch, notes, { fetch: options.fetch, language: document.documentElement.lang || 'und' });
    } else if (typeof target === 'string' && target !== 'launch') {
      throw new LaunchError(`configureLearningRecords("${target}"): give an LRS ({ endpoint, auth, actor }) or one of "launch", "cmi5", "scorm".`, 'target');
    } else {
      kind = 'xapi';
      const launch = target === 'launch' ? xapiLaunchOf(location.search, location.href) : checkXapiLaunch(target ?? {}, location.href);
      sink = new (await xapiChunk.load()).XapiSink(launch, notes, options);
    }
  } catch (error) {
    launchProblem(notes, error);
  }
  // A later call may have started meanwhile (while this one downloaded its sink): it wins.
  if (board !== notes) {
    sink.stop();
    throw new LaunchError('configureLearningRecords was called again before this call finished; the later call is in force.', 'target');
  }
  running = new Reporter(kind, sink, notes);
  return running;
}
