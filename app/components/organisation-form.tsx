import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { organisationKinds } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { OrganisationSchema, type OrganisationInput } from '~/schemas/directory'
import { FormErrors, SelectField, TextField } from './forms'
import { RegionPicker, type RegionChoices } from './region-picker'

type Props = {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<OrganisationInput>
  choices: RegionChoices
  cancelTo: string
}

export function OrganisationForm({ lastResult, defaultValue, choices, cancelTo }: Props) {
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const municipalityCode = (fields.municipalityCode.initialValue as string | undefined) ?? defaultValue?.municipalityCode
  // A submission sent only to load the next region list is not an error to report.
  const refining = lastResult?.intent?.type === 'validate'
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={!refining && lastResult?.status === 'error'} />
      <TextField meta={fields.name} label={t('org.name')} />
      <TextField meta={fields.shortName} label={t('org.shortName')} optional />
      <SelectField
        meta={fields.kind}
        label={t('org.kind')}
        placeholder={t('org.chooseKind')}
        options={organisationKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <RegionPicker choices={choices} municipality={fields.municipalityCode} municipalityCode={municipalityCode} />
      <fieldset>
        <legend>{t('org.address')}</legend>
        <TextField meta={fields.street} label={t('org.street')} optional autoComplete="street-address" />
        <div className="row">
          <TextField meta={fields.postalCode} label={t('org.postalCode')} optional autoComplete="postal-code" />
          <TextField meta={fields.city} label={t('org.city')} optional autoComplete="address-level2" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('org.contact')}</legend>
        <TextField meta={fields.email} label={t('org.email')} type="email" optional autoComplete="email" />
        <TextField meta={fields.phone} label={t('org.phone')} type="tel" optional autoComplete="tel" />
        <TextField meta={fields.website} label={t('org.website')} type="url" optional autoComplete="url" />
      </fieldset>
      <fieldset>
        <legend>{t('org.registryNumbers')}</legend>
        <div className="row">
          <TextField meta={fields.regon} label={t('org.regon')} hint={t('org.regonHint')} optional inputMode="numeric" />
          <TextField meta={fields.nip} label={t('org.nip')} hint={t('org.nipHint')} optional inputMode="numeric" />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </Form>
  )
}
