/**
 * The serialized answers of one catalogue read for the current snapshot, by request URL. A
 * snapshot never changes, so an answer built once holds until the next snapshot replaces it,
 * and a repeated call sends the stored JSON instead of building and serializing its body again
 * (serializing was the largest single cost of a cached read). Bounded, because cursors and
 * free-text searches make URLs without end: past `max` answers the oldest goes first.
 */
export class AnswerCache<Snapshot extends object> {
  private snapshot: Snapshot | undefined;
  private readonly answers = new Map<string, string>();

  constructor(private readonly max: number) {}

  get(snapshot: Snapshot, url: string, build: () => unknown): string {
    if (snapshot !== this.snapshot) {
      this.answers.clear();
      this.snapshot = snapshot;
    }
    let json = this.answers.get(url);
    if (json === undefined) {
      json = JSON.stringify(build());
      if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(url, json);
    }
    return json;
  }
}
