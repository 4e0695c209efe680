import { TaskStatus, type Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Stops an element's loading task when the element leaves the page (its request is aborted, its
 * timers cleared, and no `quiz-error` fires from a removed element), and loads again if the
 * element comes back before the load finished. `@lit/task` alone keeps running.
 */
class AbortWhenRemoved implements ReactiveController {
  private aborted = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly task: Task<readonly unknown[], unknown>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    const task = this.task;
    if (task.status !== TaskStatus.PENDING) return;
    this.aborted = true;
    task.abort();
  }

  hostConnected(): void {
    if (!this.aborted) return;
    this.aborted = false;
    void this.task.run();
  }
}

/** `task`, stopped when `host` leaves the page and run again if it comes back before finishing. */
export function abortWhenRemoved<T extends Task<readonly unknown[], unknown>>(host: ReactiveControllerHost, task: T): T {
  new AbortWhenRemoved(host, task as unknown as Task<readonly unknown[], unknown>);
  return task;
}
