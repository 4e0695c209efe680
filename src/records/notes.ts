/**
 * What a card says about learning records: one polite note on the first card of the page,
 * in the card's language, with a Dismiss button. The reporter decides when.
 */
import { html, type TemplateResult } from 'lit';

/**
 * - `unauthorized`: the LRS refused the credentials; answers wait in this browser.
 * - `not-kept`: storage is full or blocked; answers wait in this page only.
 * - `no-lms`: a SCORM package opened outside its LMS.
 * - `launch`: the launch could not be used (the message says why).
 * - `lms-error`: the LMS refused a value (the message says which).
 * - `sync`: progress could not be merged with the copy in the LRS (the message says why).
 */
export type RecordsNoteKind = 'unauthorized' | 'not-kept' | 'no-lms' | 'launch' | 'lms-error' | 'sync';

export interface RecordsNote {
  kind: RecordsNoteKind;
  /** The specific reason (a launch problem, the LMS's error), shown after the note. */
  detail?: string;
}

const TEXT: Record<'en' | 'zh', Record<RecordsNoteKind, string> & { dismiss: string }> = {
  en: {
    unauthorized: 'Your answers could not be sent to the learning record store: it did not accept this page\'s sign-in. They are kept in this browser and will be sent once the page is signed in again (reopen it from your course).',
    'not-kept': 'Your answers are being sent to the learning record store, but this browser cannot keep the ones still waiting: keep this page open until you are back online.',
    'no-lms': 'This lesson was opened outside its learning platform, so results are not reported. You can still practise.',
    launch: 'Results are not being reported.',
    'lms-error': 'The learning platform did not accept a result.',
    sync: 'Your progress on this device is kept, but it could not be merged with the copy saved for you on other devices.',
    dismiss: 'Dismiss',
  },
  zh: {
    unauthorized: '你的答题记录未能发送到学习记录存储（LRS）：它不接受本页面的登录凭据。记录已保存在本浏览器中，重新登录后（从课程中重新打开）会自动发送。',
    'not-kept': '答题记录正在发送到学习记录存储，但本浏览器无法保存尚未发送的记录：请在恢复联网前保持本页面打开。',
    'no-lms': '本课件不是从学习平台打开的，因此成绩不会上报。你仍然可以练习。',
    launch: '成绩目前不会上报。',
    'lms-error': '学习平台未接受一项成绩。',
    sync: '本设备上的学习进度已保存，但未能与你在其他设备上的进度合并。',
    dismiss: '关闭',
  },
};

/** The note as a card shows it (the card's notice styles apply). */
export function renderRecordsNote(note: RecordsNote, language: string, onDismiss: () => void): TemplateResult {
  const text = TEXT[/^zh\b/i.test(language) ? 'zh' : 'en'];
  return html`
    <div part="notice" class="notice" role="status" data-records-note=${note.kind}>
      <p class="message">${text[note.kind]}${note.detail ? html` <span class="detail">${note.detail}</span>` : ''}</p>
      <button part="button" type="button" @click=${onDismiss}>${text.dismiss}</button>
    </div>
  `;
}
