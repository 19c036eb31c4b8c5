import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { requireAgreement } from '~/auth/access.server'
import { canInAgreement } from '~/auth/agreement-permissions'
import { signIn } from '~/auth/login.server'
import { db, schema } from '~/db.server'
import { pageTitle } from '~/i18n/page-title'
import { translateMessage } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { appOrigin } from '~/mail/mailer.server'
import { currentSignatures } from '~/models/agreement/agreement.server'
import { concludeIfComplete, frozenPdf, recordSignatures, signatoriesOf } from '~/models/agreement/cycle.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { recordPadesUpload } from '~/models/agreement/signing.server'
import { AGREEMENT_LIMITS } from '~/schemas/agreement'
import { formatDateTime } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { FILE_TYPES, sniffFileType } from '~/utils/file-type.server'
import { badRequest, readMultipartForm } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.signatures.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, agreement } = await requireAgreement(request, params, 'agreement.read')
  // Every signature given but not yet concluded (a render that failed): whoever looks next finishes it.
  if (
    agreement.state === 'ready_to_sign' &&
    (await concludeIfComplete({ id: agreement.id, actor: SYSTEM_ACTOR, origin: appOrigin(new URL(request.url).origin) }))
  )
    throw redirect(new URL(request.url).pathname)
  const insider = access.party || access.signatory || canInAgreement(access, agreement, 'agreement.manage')
  const frozenVersionId =
    db.select({ v: schema.agreements.frozenVersionId }).from(schema.agreements).where(eq(schema.agreements.id, agreement.id)).get()?.v ??
    null
  const frozen = frozenVersionId ? frozenPdf(db, agreement.id) : undefined
  const signatories = insider ? signatoriesOf(db, agreement.id) : []
  const parties = new Map(agreement.snapshot.parties.map((p) => [p.id, p.name]))
  const voided = insider
    ? db
        .select({
          id: schema.agreementSignatures.id,
          signedAt: schema.agreementSignatures.signedAt,
          voidedAt: schema.agreementSignatures.voidedAt,
          method: schema.agreementSignatures.method,
          name: schema.people.name,
        })
        .from(schema.agreementSignatures)
        .innerJoin(schema.agreementSignatories, eq(schema.agreementSignatories.id, schema.agreementSignatures.signatoryId))
        .innerJoin(schema.people, eq(schema.people.id, schema.agreementSignatories.personId))
        .where(and(eq(schema.agreementSignatures.agreementId, agreement.id), isNotNull(schema.agreementSignatures.voidedAt)))
        .orderBy(asc(schema.agreementSignatures.id))
        .all()
    : []
  const ids = db
    .select({
      id: schema.agreementSignatures.id,
      signatoryId: schema.agreementSignatures.signatoryId,
      hasFile: isNotNull(schema.agreementSignatures.fileSha256),
    })
    .from(schema.agreementSignatures)
    .where(
      and(
        eq(schema.agreementSignatures.agreementId, agreement.id),
        frozenVersionId ? eq(schema.agreementSignatures.versionId, frozenVersionId) : eq(schema.agreementSignatures.id, -1),
      ),
    )
    .all()
  const mine = user?.personId ? signatories.filter((s) => s.personId === user.personId && !s.signed) : []
  return json({
    id: agreement.id,
    state: agreement.state,
    frozen: frozen ? { sha256: frozen.sha256, version: frozen.number, versionId: frozen.versionId } : null,
    signatures: currentSignatures(db, agreement.id, frozenVersionId).map((s) => ({
      ...s,
      fileId: insider ? (ids.find((i) => i.signatoryId === s.signatoryId && i.hasFile)?.id ?? null) : null,
    })),
    signatories: signatories.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      required: s.required,
      signed: s.signed,
      party: parties.get(s.partyId) ?? '',
    })),
    voided,
    canSign: canInAgreement(access, agreement, 'agreement.sign') && mine.length > 0,
    canUpload: canInAgreement(access, agreement, 'agreement.uploadSigned'),
    canScan: canInAgreement(access, agreement, 'agreement.manage') && agreement.state === 'ready_to_sign',
    maxMb: AGREEMENT_LIMITS.fileBytes / 1024 / 1024,
  })
}

type Reply = { form: 'sign' | 'pades' | 'scan'; error: string; names?: string[] }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, agreement } = await requireAgreement(request, params, 'agreement.read', { signIn: true })
  const actor = actorOf(user!, context)
  const origin = appOrigin(new URL(request.url).origin)
  const refuse = (form: Reply['form'], error: string, status = 400, names?: string[]) => json<Reply>({ form, error, names }, { status })
  const done = (signed: boolean) =>
    redirectWithNotice(`/agreements/${agreement.id}/signatures`, signed ? 'agreements.done.concluded' : 'agreements.done.signed')

  if (/^multipart\/form-data\b/i.test(request.headers.get('Content-Type') ?? '')) {
    // Nobody who may not upload sends 20 MB to be read before being refused.
    const mayUpload =
      canInAgreement(access, agreement, 'agreement.uploadSigned') ||
      (canInAgreement(access, agreement, 'agreement.manage') && agreement.state === 'ready_to_sign')
    if (!mayUpload) throw new Response('Not Found', { status: 404 })
    let file: { name: string; bytes: Buffer } | null = null
    let tooBig = false
    const fields = await readMultipartForm(request, async (part) => {
      if (part.field !== 'file' || file || tooBig || !part.fileName) return
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of part.data) {
        size += chunk.byteLength
        if (size > AGREEMENT_LIMITS.fileBytes) {
          tooBig = true
          return
        }
        chunks.push(Buffer.from(chunk))
      }
      if (size > 0) file = { name: part.fileName.slice(0, 200), bytes: Buffer.concat(chunks) }
    })
    const intent = fields.get('intent')
    if (intent !== 'pades' && intent !== 'scan') throw badRequest()
    if (intent === 'pades' && !canInAgreement(access, agreement, 'agreement.uploadSigned')) throw new Response('Not Found', { status: 404 })
    if (intent === 'scan' && !(canInAgreement(access, agreement, 'agreement.manage') && agreement.state === 'ready_to_sign'))
      throw new Response('Not Found', { status: 404 })
    if (tooBig) return refuse(intent, 'agreement.error.fileTooBig', 413)
    const upload = file as { name: string; bytes: Buffer } | null
    if (!upload) return refuse(intent, 'agreement.error.fileMissing')
    if (intent === 'pades') {
      const result = await recordPadesUpload({
        id: agreement.id,
        file: upload.bytes,
        fileName: upload.name,
        userId: user!.id,
        // The team's officers record the parties' signatures; a signatory, their own.
        uploaderPersonId: canInAgreement(access, agreement, 'agreement.manage') ? null : (user!.personId ?? -1),
        ip: actor.ip,
        actor,
        origin,
      })
      if (!result.ok) return refuse('pades', result.error, 400, 'names' in result ? result.names : undefined)
      return done(result.signed)
    }
    // A scan is a PDF or a photograph of the paper copy, as its bytes say.
    const type = sniffFileType(upload.bytes)
    if (type !== FILE_TYPES.pdf && type !== FILE_TYPES.jpeg && type !== FILE_TYPES.png) return refuse('scan', 'agreement.error.scanType')
    const signatoryIds = fields
      .getAll('signatoryId')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
    if (signatoryIds.length === 0) return refuse('scan', 'agreement.error.scanWho')
    const result = await recordSignatures({
      id: agreement.id,
      versionId: Number(fields.get('versionId')),
      actor,
      origin,
      inputs: signatoryIds.map((signatoryId) => ({ signatoryId, method: 'scan' as const, userId: user!.id, ip: actor.ip, file: upload })),
    })
    if (!result.ok) return refuse('scan', result.error, 409)
    return done(result.signed)
  }

  const form = await request.formData()
  if (form.get('intent') !== 'sign') throw badRequest()
  if (!canInAgreement(access, agreement, 'agreement.sign')) throw new Response('Not Found', { status: 404 })
  const password = String(form.get('password') ?? '')
  if (form.get('confirm') !== 'on') return refuse('sign', 'agreement.error.confirmRequired')
  if (!password || password.length > 200) return refuse('sign', 'agreement.error.passwordWrong')
  // Re-entering the password goes through sign-in's own checks: its throttling and its audit.
  const check = await signIn({ email: user!.email, password, ip: actor.ip ?? 'unknown' })
  if (check.status === 'throttled') return refuse('sign', 'agreement.error.throttled', 429)
  if (check.status !== 'ok' || check.userId !== user!.id) return refuse('sign', 'agreement.error.passwordWrong')
  const mine = signatoriesOf(db, agreement.id).filter((s) => s.personId === user!.personId && !s.signed)
  if (mine.length === 0) return refuse('sign', 'agreement.error.alreadySigned', 409)
  const result = await recordSignatures({
    id: agreement.id,
    // The version the signer read: a text frozen again meanwhile is refused, not signed unseen.
    versionId: Number(form.get('versionId')),
    actor,
    origin,
    inputs: mine.map((s) => ({
      signatoryId: s.id,
      method: 'narada' as const,
      userId: user!.id,
      ip: actor.ip,
      userAgent: request.headers.get('User-Agent'),
    })),
  })
  if (!result.ok) return refuse('sign', result.error, 409)
  return done(result.signed)
}

export default function AgreementSignatures() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const errorOf = (form: Reply['form']) =>
    reply?.form === form ? (
      <p className="field__error" role="alert" id={`${form}-error`}>
        {translateMessage(t, reply.error)}
        {reply.names?.length ? ` ${t('agreements.signatures.certificateNames', { names: reply.names.join(', ') })}` : null}
      </p>
    ) : null
  return (
    <section aria-labelledby="signatures-title">
      <h2 id="signatures-title">{t('agreements.signatures.title')}</h2>
      {data.frozen ? (
        <p>
          {t('agreements.signatures.frozen', { version: data.frozen.version })} <code className="hash">{data.frozen.sha256}</code>{' '}
          {data.state === 'ready_to_sign' ? <a href={`/agreements/${data.id}/agreement.pdf`}>{t('agreements.pdfFrozen')}</a> : null}
        </p>
      ) : (
        <p className="muted">{t('agreements.signatures.notFrozen')}</p>
      )}
      {data.signatories.length ? (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard
        <div className="table-scroll" role="region" aria-labelledby="signatories-caption" tabIndex={0}>
          <table>
            <caption id="signatories-caption">{t('agreements.signatures.who')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.signatures.col.signatory')}</th>
                <th scope="col">{t('agreements.signatures.col.party')}</th>
                <th scope="col">{t('agreements.signatures.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.signatories.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name}, {s.position}
                    {s.required ? null : ` (${t('agreements.parties.optional')})`}
                  </td>
                  <td>{s.party}</td>
                  <td>{s.signed ? t('agreements.signatures.signed') : t('agreements.signatures.unsigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.signatures.length ? (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard
        <div className="table-scroll" role="region" aria-labelledby="signatures-caption" tabIndex={0}>
          <table>
            <caption id="signatures-caption">{t('agreements.signatures.record')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.signatures.col.signatory')}</th>
                <th scope="col">{t('agreements.signatures.col.method')}</th>
                <th scope="col">{t('agreements.signatures.col.when')}</th>
                <th scope="col">{t('agreements.signatures.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {data.signatures.map((s) => (
                <tr key={s.signatoryId}>
                  <td>
                    {s.name}, {s.position} ({s.party})
                  </td>
                  <td>{t(`agreement.signatureMethod.${s.method}`)}</td>
                  <td>{formatDateTime(s.signedAt, lang)}</td>
                  <td>
                    {s.method === 'pades' ? (
                      <>
                        {t('agreements.signatures.certificate', { name: s.signerName ?? '', organisation: s.signerOrganisation ?? '—' })}
                        {s.signingTime ? ` ${t('agreements.signatures.signingTime', { when: formatDateTime(s.signingTime, lang) })}` : null}
                        <br />
                        <strong>{s.trust ? t(`agreement.trust.${s.trust}`) : null}</strong>
                      </>
                    ) : null}
                    {s.fileId ? (
                      <>
                        {' '}
                        <a href={`/agreements/${data.id}/signatures/${s.fileId}/file`}>{t('agreements.signatures.file')}</a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.canSign ? (
        <Form method="post" className="form" aria-labelledby="sign-title">
          <h3 id="sign-title">{t('agreements.signatures.signTitle')}</h3>
          <p>{t('agreements.signatures.signExplain')}</p>
          <input type="hidden" name="intent" value="sign" />
          <input type="hidden" name="versionId" value={data.frozen?.versionId ?? ''} />
          <div className="field">
            <label htmlFor="sign-password">{t('agreements.signatures.password')}</label>
            <input
              id="sign-password"
              name="password"
              type="password"
              autoComplete="current-password"
              maxLength={200}
              aria-describedby={reply?.form === 'sign' ? 'sign-error' : undefined}
            />
          </div>
          <label className="choice">
            <input type="checkbox" name="confirm" /> {t('agreements.signatures.confirm', { sha: data.frozen?.sha256.slice(0, 16) ?? '' })}
          </label>
          {errorOf('sign')}
          <button type="submit" disabled={busy}>
            {t('agreements.signatures.signSubmit')}
          </button>
        </Form>
      ) : null}
      {data.canUpload ? (
        <Form method="post" encType="multipart/form-data" className="form" aria-labelledby="pades-title">
          <h3 id="pades-title">{t('agreements.signatures.padesTitle')}</h3>
          <p>{t('agreements.signatures.padesExplain')}</p>
          <input type="hidden" name="intent" value="pades" />
          <div className="field">
            <label htmlFor="pades-file">{t('agreements.signatures.padesFile', { mb: data.maxMb })}</label>
            <input
              id="pades-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={reply?.form === 'pades' ? 'pades-error' : undefined}
            />
          </div>
          {errorOf('pades')}
          <button type="submit" disabled={busy}>
            {t('agreements.signatures.padesSubmit')}
          </button>
        </Form>
      ) : null}
      {data.canScan ? (
        <Form method="post" encType="multipart/form-data" className="form" aria-labelledby="scan-title">
          <h3 id="scan-title">{t('agreements.signatures.scanTitle')}</h3>
          <p>{t('agreements.signatures.scanExplain')}</p>
          <input type="hidden" name="intent" value="scan" />
          <input type="hidden" name="versionId" value={data.frozen?.versionId ?? ''} />
          <fieldset>
            <legend>{t('agreements.signatures.scanWho')}</legend>
            {data.signatories
              .filter((s) => !s.signed)
              .map((s) => (
                <label key={s.id} className="choice">
                  <input type="checkbox" name="signatoryId" value={s.id} /> {s.name} ({s.party})
                </label>
              ))}
          </fieldset>
          <div className="field">
            <label htmlFor="scan-file">{t('agreements.signatures.scanFile', { mb: data.maxMb })}</label>
            <input
              id="scan-file"
              name="file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={reply?.form === 'scan' ? 'scan-error' : undefined}
            />
          </div>
          {errorOf('scan')}
          <button type="submit" disabled={busy}>
            {t('agreements.signatures.scanSubmit')}
          </button>
        </Form>
      ) : null}
      {data.voided.length ? (
        <details>
          <summary>{t('agreements.signatures.voided', { count: data.voided.length })}</summary>
          <ul>
            {data.voided.map((v) => (
              <li key={v.id}>
                {v.name}: {t(`agreement.signatureMethod.${v.method}`)}, {formatDateTime(v.signedAt, lang)} —{' '}
                {t('agreements.signatures.voidedAt', { when: formatDateTime(v.voidedAt!, lang) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
