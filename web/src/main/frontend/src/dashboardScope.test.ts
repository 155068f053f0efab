import { describe, expect, it } from 'vitest';
import { jurisdictionChoices } from './pages/Dashboard';

describe('the jurisdictions a manager may pick on the dashboards', () => {
  it('are all for the city-wide manager group and administrators', () => {
    expect(jurisdictionChoices(['manager']).map(([code]) => code)).toEqual(['', 'jingdezhen', 'chizhou', 'xianning', 'xinchang', 'yangxin']);
    expect(jurisdictionChoices(['operaton-admin', 'manager'])[0]).toEqual(['', '全部辖区']);
  });
  it('are only its own for a jurisdiction manager group', () => {
    expect(jurisdictionChoices(['manager-jingdezhen'])).toEqual([['jingdezhen', '景德镇市']]);
    expect(jurisdictionChoices(['manager-chizhou', 'manager-xianning']).map(([code]) => code)).toEqual(['', 'chizhou', 'xianning']);
  });
});
