import { roles } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import { type FieldMeta, SelectField, TextField } from './forms'

export type PersonOption = { id: number; name: string; organisationName: string }

type Meta = FieldMeta

/** The fields a new and an existing account share; the routes add the rest of their form. */
export function UserFields({
  fields,
  people,
}: {
  fields: { email: Meta; name: Meta; role: Meta; personId: Meta }
  people: PersonOption[]
}) {
  const t = useT()
  return (
    <>
      <TextField meta={fields.email} label={t('users.email')} type="email" inputMode="email" autoComplete="off" />
      <TextField meta={fields.name} label={t('users.name')} autoComplete="off" />
      <SelectField
        meta={fields.role}
        label={t('users.role')}
        placeholder={t('validation.role')}
        options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />
      <SelectField
        meta={fields.personId}
        label={t('users.person')}
        optional
        placeholder={t('users.noPerson')}
        options={people.map((person) => ({ value: String(person.id), label: `${person.name} — ${person.organisationName}` }))}
      />
    </>
  )
}
