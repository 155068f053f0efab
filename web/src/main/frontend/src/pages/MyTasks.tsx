import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Key } from '../i18n';
import { documentDate } from './Notices';

export interface OpenTask {
  id: string; name: string; flowKey: string; flowName: string; businessKey: string | null; processInstanceId: string;
  created: string; due: string | null; overdue: boolean; claimedByMe: boolean;
}

/** Where Tasklist opens one task with its form. */
export const tasklistLink = (taskId: string) => '/operaton/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);

/**
 * A reviewer's open tasks (their units' and those they claimed), soonest due first, overdue ones marked: appeals,
 * incident assessments and every other review are decided with the task's form in Tasklist.
 */
export function MyTasks({ t }: { t: (k: Key) => string }) {
  const [tasks, setTasks] = useState<OpenTask[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { api<OpenTask[]>('/api/tasks').then(setTasks).catch(e => setError(e.message)); }, []);
  return (
    <section data-testid="my-tasks">
      <h2>{t('myTasks')}</h2>
      <p className="hint">{t('myTasksHint')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {tasks && tasks.length === 0 && <p>{t('noOpenTasks')}</p>}
      {tasks && tasks.length > 0 && (
        <table>
          <thead><tr><th>{t('taskName')}</th><th>{t('taskFlow')}</th><th>{t('taskCase')}</th><th>{t('taskDue')}</th><th /></tr></thead>
          <tbody>{tasks.map(task => (
            <tr key={task.id} data-testid={'task-' + task.id}>
              <td>{task.name}{task.claimedByMe && <span className="hint">（{t('claimedByMe')}）</span>}</td>
              <td>{task.flowName}</td>
              <td>{task.businessKey ?? '—'}</td>
              <td className={task.overdue ? 'error' : undefined}>
                {task.due ? documentDate(task.due) : '—'}{task.overdue && <strong>（{t('overdue')}）</strong>}
              </td>
              <td><a href={tasklistLink(task.id)} target="_blank" rel="noreferrer">{t('openInTasklist')}</a></td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
