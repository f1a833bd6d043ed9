// The speaker pages' process (speaker-pages-process.ts): waits for its one task, writes the pages, answers and exits.
import writeSpeakerPagesTask, { type SpeakerPagesTask } from './speaker-pages-task.ts';

/** What the process answers: nothing once the pages are written, or why they could not be. */
export type SpeakerPagesAnswer = { readonly error?: string };

process.once('message', (task: SpeakerPagesTask) => {
  // the run may be gone (killed): then there is no one to answer, and the process just ends
  const answer = (message: SpeakerPagesAnswer) => process.connected && process.send!(message, () => process.connected && process.disconnect());
  writeSpeakerPagesTask(task).then(
    () => answer({}),
    (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
  );
});
