import { roles } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { type FieldMeta, SelectField, TextField } from './forms'

type Meta = FieldMeta

/** The account's pickers, as readPickers and chosenLabels read them. */
export const USER_PICKERS = { personId: 'people' } as const

/** The fields a new and an existing account share; the routes add the rest of their form. */
export function UserFields({ fields, person }: { fields: { email: Meta; name: Meta; role: Meta; personId: Meta }; person: PickerState }) {
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
      <Picker
        meta={fields.personId}
        kind="people"
        scope={{ directory: 1 }}
        label={t('users.person')}
        optional
        labels={person.labels}
        search={person.search}
      />
    </>
  )
}
