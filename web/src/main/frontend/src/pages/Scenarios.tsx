import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';

interface ScenarioRow { id: number; name: string; domain: string; statusLabel: string; submittedAt: string; companyName: string; lines: { approved: boolean }[] }

/**
 * The company's scenarios (一场景一审核) with their status, and the way to submit a new one; a developer also sees its
 * operators' approved scenarios it may submit a data product under.
 */
export function Scenarios({ t, developer }: { t: (k: Key) => string; developer: boolean }) {
  const [rows, setRows] = useState<ScenarioRow[] | null>(null);
  const [operatorRows, setOperatorRows] = useState<ScenarioRow[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { api<ScenarioRow[]>('/api/scenarios').then(setRows).catch(e => setError(e.message)); }, []);
  useEffect(() => {
    if (developer) api<ScenarioRow[]>('/api/scenarios/open-for-products').then(setOperatorRows).catch(e => setError(e.message));
  }, [developer]);
  return (
    <section>
      <h2>{t('scenarios')}</h2>
      <p><a href="#/scenarios/new" data-testid="new-scenario">{t('newScenario')}</a></p>
      {error && <p className="error">{error}</p>}
      {rows && rows.length === 0 && <p>{t('noScenarios')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead><tr><th>{t('scenarioName')}</th><th>{t('domain')}</th><th>{t('status')}</th><th>{t('submittedAt')}</th><th /></tr></thead>
          <tbody>{rows.map(s => (
            <tr key={s.id}>
              <td>{s.name}</td><td>{s.domain}</td><td data-testid={'scenario-status-' + s.id}>{s.statusLabel}</td>
              <td>{new Date(s.submittedAt).toLocaleString()}</td>
              <td><a href={'#/scenarios/' + s.id}>{t('view')}</a></td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {developer && operatorRows && <>
        <h2>{t('operatorScenarios')}</h2>
        <p className="hint">{t('operatorScenariosHint')}</p>
        {operatorRows.length === 0 ? <p data-testid="no-operator-scenarios">{t('noOperatorScenarios')}</p> : (
          <table data-testid="operator-scenarios">
            <thead><tr><th>{t('scenarioName')}</th><th>{t('operatorOfScenario')}</th><th>{t('domain')}</th><th /></tr></thead>
            <tbody>{operatorRows.map(s => (
              <tr key={s.id}>
                <td>{s.name}</td><td>{s.companyName}</td><td>{s.domain}</td>
                <td><a href={'#/products/new/' + s.id} data-testid={'new-product-' + s.id}>{t('newProduct')}</a></td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </>}
    </section>
  );
}
