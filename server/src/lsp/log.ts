/** The server's log (the client's output channel), which says each warning about a setting or a file once. */

/** Where lines go: the connection's console, or a test's list. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export class ServerLog {
  /** Warnings already given: a setting read again for each document must not repeat its warning each time. */
  private readonly said = new Set<string>();

  constructor(
    private readonly sink: LogSink,
    /** Shows a warning to the user as well (a notification); must not throw. */
    private readonly show: (line: string) => void = () => undefined,
  ) {}

  error(message: string): void {
    this.sink.error(message);
  }

  info(message: string): void {
    this.sink.info(message);
  }

  /** Logs the warning unless it was given before; with `notify`, the user is shown it too. */
  warnOnce(line: string, notify = false): void {
    if (this.said.has(line)) return;
    this.said.add(line);
    this.sink.warn(line);
    if (notify) this.show(line);
  }
}
