import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { bodyKinds } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { BodySchema, type BodyInput } from '~/schemas/body'
import type { PickerScope, PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField } from './forms'

/** What the form starts from: text as the fields hold it (money as „904150,00”). */
export type BodyFormValues = { [K in keyof BodyInput]?: string }

type Props = {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: BodyFormValues
  /** Where the convening institution is searched: the team being edited, or the directory for a new one. */
  scope: PickerScope
  picker: PickerState
  cancelTo: string
}

export function BodyForm({ lastResult, defaultValue, scope, picker, cancelTo }: Props) {
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BodySchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <SelectField
        meta={fields.kind}
        label={t('bodies.kind')}
        placeholder={t('bodies.chooseKind')}
        options={bodyKinds.map((kind) => ({ value: kind, label: t(`bodies.kind.${kind}`) }))}
      />
      <TextField meta={fields.name} label={t('bodies.name')} hint={t('bodies.nameHint')} />
      <TextAreaField meta={fields.mandate} label={t('bodies.mandate')} hint={t('bodies.mandateHint')} optional />
      <Picker
        meta={fields.conveningOrganisationId}
        kind="organisations"
        scope={scope}
        label={t('bodies.convening')}
        labels={picker.labels}
        search={picker.search}
      />
      <TextField meta={fields.umbrella} label={t('bodies.umbrella')} hint={t('bodies.umbrellaHint')} optional />
      <CheckboxField meta={fields.isPublic} label={t('bodies.isPublic')} hint={t('bodies.isPublicHint')} />
      <fieldset>
        <legend>{t('bodies.project')}</legend>
        <p className="field__hint">{t('bodies.projectHint')}</p>
        <TextField meta={fields.projectName} label={t('bodies.projectName')} optional />
        <TextField meta={fields.projectProgramme} label={t('bodies.projectProgramme')} hint={t('bodies.projectProgrammeHint')} optional />
        <TextField meta={fields.projectNumber} label={t('bodies.projectNumber')} hint={t('bodies.projectNumberHint')} optional />
        <div className="row">
          <TextField meta={fields.projectTotalValue} label={t('bodies.projectTotalValue')} hint={t('bodies.moneyHint')} optional />
          <TextField meta={fields.projectEuFunding} label={t('bodies.projectEuFunding')} hint={t('bodies.moneyHint')} optional />
        </div>
        <TextAreaField meta={fields.projectTargetGroup} label={t('bodies.projectTargetGroup')} rows={3} optional />
        <TextAreaField
          meta={fields.projectFundingNotice}
          label={t('bodies.projectFundingNotice')}
          hint={t('bodies.projectFundingNoticeHint')}
          rows={3}
          optional
        />
      </fieldset>
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </Form>
  )
}
