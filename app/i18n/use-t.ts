import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'
import { translator, type Lang } from './messages'

export function useLang(): Lang {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  return data?.lang ?? 'pl'
}

export function useT() {
  return translator(useLang())
}
