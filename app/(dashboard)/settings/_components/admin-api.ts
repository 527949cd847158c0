import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { postJson } from "@/lib/client/fetch-json";

/**
 * A change an admin makes in Settings: posted, then the server page is read again so every card
 * shows what the database now holds (and the admin log its new row).
 */
export function useAdminChange<T, R = unknown>(url: string, onDone?: (result: R, input: T) => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: T) => postJson<R>(url, input),
    onSuccess: (result, input) => {
      onDone?.(result, input);
      router.refresh();
    },
  });
}
