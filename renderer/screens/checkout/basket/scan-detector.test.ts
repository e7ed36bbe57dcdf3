import { describe, expect, it } from 'vitest';
import { ScanDetector } from './scan-detector';

/** Feeds keys at the given times (ms) as a scanner or a person would; returns what Enter was read as. */
function typeAt(detector: ScanDetector, keys: string, gapMs: number, start = 1000): ReturnType<ScanDetector['key']> {
  let at = start;
  for (const key of keys) {
    detector.key(key, at);
    at += gapMs;
  }
  return detector.key('Enter', at);
}

describe('telling a barcode scanner from a person by keystroke timing', () => {
  it('a fast burst of characters ended by Enter is a scan, with the code', () => {
    expect(typeAt(new ScanDetector(), '4006381333931', 8)).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('a person typing an amount and pressing Enter is not a scan (Enter still pays)', () => {
    expect(typeAt(new ScanDetector(), '2450', 140)).toEqual({ kind: 'typing' });
    // Even a quick typist rolling digits stays far slower on average than a scanner.
    expect(typeAt(new ScanDetector(), '123456', 90)).toEqual({ kind: 'typing' });
  });

  it('a short fast burst (too short for a barcode) is typing', () => {
    expect(typeAt(new ScanDetector(), '12', 5)).toEqual({ kind: 'typing' });
  });

  it('a pause in the middle starts the burst again: only what came after it counts', () => {
    const detector = new ScanDetector();
    for (const [i, key] of [...'99'].entries()) detector.key(key, 100 + i * 150);
    // 2 s later a scanner sends a code.
    expect(typeAt(detector, '100001', 10, 2400)).toEqual({ kind: 'scan', code: '100001' });
  });

  it('an Enter that comes long after a fast burst is the person pressing it: typing', () => {
    const detector = new ScanDetector();
    let at = 0;
    for (const key of '100001') detector.key(key, (at += 10));
    expect(detector.key('Enter', at + 900)).toEqual({ kind: 'typing' });
  });

  it('keys that are not characters (Shift, arrows) neither break nor join a burst', () => {
    const detector = new ScanDetector();
    let at = 0;
    for (const key of ['A', 'Shift', 'B', '1', '2', '3', '4']) detector.key(key, (at += 6));
    expect(detector.key('Enter', at + 6)).toEqual({ kind: 'scan', code: 'AB1234' });
  });

  it('after a scan the next burst starts empty', () => {
    const detector = new ScanDetector();
    typeAt(detector, '100001', 8);
    expect(typeAt(detector, '100002', 8, 5000)).toEqual({ kind: 'scan', code: '100002' });
  });

  it('reports when a burst begins, so the field it typed into can be put back', () => {
    const detector = new ScanDetector();
    expect(detector.key('1', 0)).toEqual({ kind: 'burstStart' });
    expect(detector.key('2', 5)).toEqual({ kind: 'typing' });
    expect(detector.key('3', 900)).toEqual({ kind: 'burstStart' });
  });
});

describe('a burst', () => {
  it('that is reset (the keys went to another field) does not carry over into the next', () => {
    const detector = new ScanDetector();
    for (const [i, key] of [...'Gift wrap'].entries()) detector.key(key, i * 5);
    detector.reset();
    for (const [i, key] of [...'1.50'].entries()) detector.key(key, 50 + i * 5);
    expect(detector.key('Enter', 75)).toEqual({ kind: 'typing' });
  });
});
