/** "Nova base clínica" and "Editar base clínica". */
import { ErrorSummary, Field, formatDateTime, PageHeader, StatusBadge } from '@painel/core/module';
import { UFS } from '../parsing/index.ts';
import { Card, type SelectOption, SelectField, StatusToggleButton } from './admin-ui.tsx';
import type { ClinicFormErrors, ClinicFormInput } from './clinic-form.ts';
import type { ClinicListRow } from './clinic-store.ts';

const ufOptions: SelectOption[] = UFS.map((uf) => ({ value: uf.code, label: `${uf.code} — ${uf.name}` }));

function errorList(errors: ClinicFormErrors): string[] {
  return Object.values(errors).filter((e): e is string => typeof e === 'string');
}

function NameField(props: { values: ClinicFormInput; errors: ClinicFormErrors }) {
  return (
    <Field label="Nome da clínica" name="name" value={props.values.name} error={props.errors.name} required maxlength={150} autocomplete="off" />
  );
}

function ClinicFields(props: { values: ClinicFormInput; errors: ClinicFormErrors }) {
  const { values, errors } = props;
  return (
    <>
      <Field
        label="CNPJ"
        name="cnpj"
        value={values.cnpj}
        error={errors.cnpj}
        hint="Opcional. 14 dígitos, com ou sem pontuação (ex.: 12.345.678/0001-95)."
        inputmode="numeric"
        maxlength={20}
        autocomplete="off"
      />
      <div class="grid field-row">
        <Field label="Cidade" name="city" value={values.city} error={errors.city} maxlength={100} autocomplete="address-level2" />
        <SelectField label="UF" name="uf" value={(values.uf ?? '').toUpperCase()} options={ufOptions} error={errors.uf} emptyLabel="—" />
      </div>
    </>
  );
}

export function NewClinicPage(props: {
  values: ClinicFormInput & { singular?: string };
  errors: ClinicFormErrors;
  /** The next free id, shown to platform admins only: base ids are global, so it would tell a singular about the others'. */
  nextId: number | null;
  resellerOptions: SelectOption[] | null;
  resellerLabel: string | null;
  cancelHref: string;
  importHref: string;
}) {
  const { values, errors } = props;
  return (
    <>
      <PageHeader title="Nova base clínica" subtitle={props.resellerLabel ?? 'Cadastre uma base de uma singular.'} />
      <ErrorSummary errors={errors.form ? [errors.form] : errorList(errors).length > 1 ? errorList(errors) : []} />
      <div class="two-columns">
      <Card class="form-card">
        <form method="post" action="/bases" novalidate>
          {props.resellerOptions && (
            <SelectField
              label="Singular"
              name="singular"
              value={values.singular}
              options={props.resellerOptions}
              error={errors.singular}
              required
              emptyLabel="Escolha a singular"
            />
          )}
          <NameField values={values} errors={errors} />
          <Field
            label="Id da base"
            name="baseId"
            value={values.baseId}
            error={errors.baseId}
            hint={
              props.nextId === null
                ? 'Deixe em branco para o sistema gerar um id livre. O id não pode ser alterado depois.'
                : `Deixe em branco para usar o próximo id livre (${props.nextId}). O id não pode ser alterado depois.`
            }
            inputmode="numeric"
            maxlength={12}
            autocomplete="off"
          />
          <ClinicFields values={values} errors={errors} />
          <div class="form-actions">
            <button type="submit">Criar base</button>
            <a href={props.cancelHref} role="button" class="secondary outline">
              Cancelar
            </a>
          </div>
        </form>
      </Card>
      <Card title="Antes de criar" class="side-card">
        <ul class="compact-list">
          <li>O <strong>id da base</strong> identifica a clínica em todo o sistema e é único entre todas as singulares.</li>
          <li>Sem um id informado, a base recebe o próximo id livre.</li>
          <li>O CNPJ é conferido pelos dígitos verificadores e não pode repetir o de outra base.</li>
          <li>Para criar muitas bases de uma vez, use a <a href={props.importHref}>importação por CSV</a>.</li>
        </ul>
      </Card>
      </div>
    </>
  );
}

export function EditClinicPage(props: { clinic: ClinicListRow; values: ClinicFormInput; errors: ClinicFormErrors; backHref: string }) {
  const { clinic, values, errors } = props;
  const active = clinic.status === 'active';
  return (
    <>
      <PageHeader
        title={clinic.name}
        subtitle={
          <>
            Id da base <span class="mono">{clinic.id}</span> · {clinic.resellerName} ({clinic.resellerCode}) ·{' '}
            <StatusBadge active={active} />
          </>
        }
        actions={
          <a href={props.backHref} role="button" class="secondary outline">
            Voltar à lista
          </a>
        }
      />
      <ErrorSummary errors={errors.form ? [errors.form] : errorList(errors).length > 1 ? errorList(errors) : []} />
      <div class="two-columns">
        <Card title="Dados da base" class="form-card">
          <form method="post" action={`/bases/${clinic.id}`} novalidate>
            <NameField values={values} errors={errors} />
            <ClinicFields values={values} errors={errors} />
            <div class="form-actions">
              <button type="submit">Salvar alterações</button>
              <a href={props.backHref} role="button" class="secondary outline">
                Cancelar
              </a>
            </div>
          </form>
        </Card>
        <Card title="Situação" class="side-card">
          <p>
            <StatusBadge active={active} />{' '}
            {active ? 'A base está ativa.' : 'A base está inativa. Nenhum dado foi apagado.'}
          </p>
          <dl class="facts">
            <dt>Criada em</dt>
            <dd>{formatDateTime(clinic.createdAt)}</dd>
            <dt>Última alteração</dt>
            <dd>{formatDateTime(clinic.updatedAt)}</dd>
          </dl>
          <StatusToggleButton href={`/bases/${clinic.id}`} noun="base" active={active} />
        </Card>
      </div>
    </>
  );
}

export function ClinicStatusPage(props: { clinic: ClinicListRow; action: 'desativar' | 'reativar' }) {
  const { clinic, action } = props;
  const deactivate = action === 'desativar';
  return (
    <>
      <PageHeader title={deactivate ? 'Desativar base clínica' : 'Reativar base clínica'} />
      <Card class="confirm-card">
        <h2 class="card-title">
          {deactivate ? 'Desativar' : 'Reativar'} “{clinic.name}” (id {clinic.id})?
        </h2>
        {deactivate ? (
          <p>
            A base fica marcada como <strong>inativa</strong>. Nenhum dado é apagado — usuários, vínculos e histórico
            continuam guardados — e você pode reativá-la quando quiser.
          </p>
        ) : (
          <p>A base volta a ficar ativa, com os mesmos dados, usuários e vínculos de antes.</p>
        )}
        <form method="post" action={`/bases/${clinic.id}/${action}`} class="form-actions">
          <button type="submit" class={deactivate ? 'danger' : ''}>
            {deactivate ? 'Sim, desativar a base' : 'Sim, reativar a base'}
          </button>
          <a href={`/bases/${clinic.id}`} role="button" class="secondary outline">
            Cancelar
          </a>
        </form>
      </Card>
    </>
  );
}
