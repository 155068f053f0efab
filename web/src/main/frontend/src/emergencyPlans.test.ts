import { describe, expect, it } from 'vitest';
import { governedPeriod } from './pages/EmergencyPlans';

describe('the time an emergency plan governed its agreement', () => {
  it('reads as a period, open while the plan still governs', () => {
    expect(governedPeriod({ governsFrom: '2026-11-18T02:00:00Z', governsUntil: null }, '起', '至')).toBe('2026-11-18 起');
    expect(governedPeriod({ governsFrom: '2026-11-18T02:00:00Z', governsUntil: '2026-12-07T02:00:00Z' }, '起', '至'))
      .toBe('2026-11-18 至 2026-12-07');
    expect(governedPeriod({ governsFrom: null, governsUntil: null }, '起', '至')).toBe('—');
  });
});
