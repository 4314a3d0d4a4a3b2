// Users: who can sign in, with which roles; add a user; disable or enable one.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CreatedUser, User } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { toIso, useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { NewUserForm } from './NewUserForm';
import { SecondFactorSecret } from '../../ui/SecondFactorSecret';

export function UsersPage({ me }: PageProps) {
  const { t, formatDate } = useI18n();
  const [users, setUsers] = useState<User[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [busyId, setBusyId] = useState<User['id'] | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers((await api.listUsers()).users);
    } catch (error) {
      setProblem(error instanceof ApiError && error.code !== 'network' ? error.message : t('errors.unreachable'));
    }
  }, [t]);

  useEffect(() => {
    void load();
    // Loaded once when the page opens; actions reload it.
  }, []);

  const toggle = async (user: User) => {
    setBusyId(user.id);
    setProblem(null);
    try {
      const changed = await api.setUserDisabled(user.id, !user.disabled);
      setUsers((list) => list?.map((u) => (u.id === changed.id ? changed : u)) ?? null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t('errors.unexpected'));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <PageHeading title={t('users.title')} lead={t('users.lead')} />
      {problem && (
        <Notice kind="error" title={t('users.problem')}>
          <p>{problem}</p>
        </Notice>
      )}
      {created && (
        <Notice kind="success" title={t('users.created.title', { username: created.user.username })} testId="user-created">
          <p>{t('users.created.body', { name: created.user.display_name })}</p>
          {created.totp_secret && (
            <SecondFactorSecret
              secret={created.totp_secret}
              uri={created.otpauth_uri ?? ''}
              note={t('users.created.totpNote', { name: created.user.display_name })}
            />
          )}
        </Notice>
      )}
      <section class="section" aria-labelledby="users-heading">
        <h2 class="heading-l" id="users-heading">
          {t('users.list.title')}
        </h2>
        {users === null && !problem && <Loading />}
        {users && (
          <DataTable
            caption={t('users.list.title')}
            captionHidden
            testId="users-table"
            rows={users}
            rowKey={(u) => u.id}
            initialSort={{ key: 'username', direction: 'ascending' }}
            exportName="users"
            columns={[
              { key: 'username', header: t('users.col.username'), value: (u) => u.username },
              { key: 'display_name', header: t('users.col.name'), value: (u) => u.display_name },
              { key: 'agency', header: t('users.col.agency'), value: (u) => u.agency },
              {
                key: 'roles',
                header: t('users.col.roles'),
                value: (u) => u.roles.map((r) => t(`role.${r}`)).join('; '),
                render: (u) => (
                  <ul class="plain-list">
                    {u.roles.map((r) => (
                      <li key={r}>{t(`role.${r}`)}</li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'totp',
                header: t('users.col.totp'),
                value: (u) => (u.totp_enabled ? t('common.on') : t('common.off')),
              },
              {
                key: 'status',
                header: t('users.col.status'),
                value: (u) => (u.disabled ? t('users.status.disabled') : t('users.status.active')),
                render: (u) => (
                  <span class={`tag${u.disabled ? ' tag--grey' : ' tag--green'}`}>
                    {u.disabled ? t('users.status.disabled') : t('users.status.active')}
                  </span>
                ),
              },
              {
                key: 'created_at',
                header: t('users.col.created'),
                value: (u) => toIso(u.created_at),
                render: (u) => formatDate(u.created_at),
                wideOnly: true,
              },
              {
                key: 'action',
                header: t('users.col.action'),
                sortable: false,
                value: () => null,
                render: (u) =>
                  String(u.id) === String(me.id) ? (
                    <span class="hint">{t('users.you')}</span>
                  ) : (
                    <button
                      type="button"
                      class={`button button--small ${u.disabled ? 'button--secondary' : 'button--warning'}`}
                      disabled={busyId === u.id}
                      data-testid={`toggle-${u.username}`}
                      onClick={() => toggle(u)}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                      <span class="visually-hidden"> {u.username}</span>
                    </button>
                  ),
              },
            ]}
          />
        )}
      </section>
      <NewUserForm
        onCreated={(answer) => {
          setCreated(answer);
          setUsers((list) => (list ? [...list.filter((u) => u.id !== answer.user.id), answer.user] : list));
          window.scrollTo({ top: 0 });
        }}
      />
    </>
  );
}
