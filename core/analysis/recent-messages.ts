import { decodeLine } from '../parsers/log/line-splitter.js';

interface Slot {
  text: string | undefined;
  /** The block a message not yet decoded lies in, and its range there. */
  bytes: Buffer | undefined;
  start: number;
  end: number;
  at: number;
}

/**
 * The last few messages of a process, for the cause that a fault printed right after them names
 * (ProcessTimelineBuilder.causeBefore). The line reader hands messages over as a range of the block it
 * reads: nearly all are pushed out by later ones before anything asks for them, so only those still kept
 * when the block ends (settle) or when a fault asks are decoded. A ring of reused slots: nothing is
 * allocated per message.
 */
export class RecentMessages {
  private readonly slots: Slot[];
  /** The slot the next message goes into. */
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.slots = Array.from({ length: capacity }, () => ({
      text: undefined,
      bytes: undefined,
      start: 0,
      end: 0,
      at: 0,
    }));
  }

  push(text: string, at: number): void {
    const slot = this.take(at);
    slot.text = text;
    slot.bytes = undefined;
  }

  /** A message as bytes[start, end) of a block: valid until settle(), which the reader calls before reusing it. */
  pushBytes(bytes: Buffer, start: number, end: number, at: number): void {
    const slot = this.take(at);
    slot.text = undefined;
    slot.bytes = bytes;
    slot.start = start;
    slot.end = end;
  }

  /** Decodes the messages still kept as ranges of a block, before that block's bytes are reused. */
  settle(): void {
    for (const slot of this.slots) if (slot.bytes) this.decode(slot);
  }

  /** The messages from `windowMs` before `at` up to `at`, oldest first; all are forgotten. */
  takeWithin(at: number, windowMs: number): string[] {
    const texts: string[] = [];
    for (let i = 0; i < this.size; i++) {
      const slot = this.slots[(this.next - this.size + i + this.capacity) % this.capacity]!;
      if (at - slot.at >= 0 && at - slot.at <= windowMs)
        texts.push(slot.bytes ? this.decode(slot) : slot.text!);
    }
    for (const slot of this.slots) slot.bytes = undefined;
    this.size = 0;
    return texts;
  }

  private take(at: number): Slot {
    const slot = this.slots[this.next]!;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    slot.at = at;
    return slot;
  }

  private decode(slot: Slot): string {
    slot.text = decodeLine(slot.bytes!, slot.start, slot.end);
    slot.bytes = undefined;
    return slot.text;
  }
}
