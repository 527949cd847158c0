"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { StatusAction } from "@/lib/client/users-api";
import type { UserDto } from "@/lib/offboarding/user-dto";
import type { RowAction } from "./row-action";

interface RowActionButtonProps {
  user: UserDto;
  rowAction: RowAction;
  onAction: (action: StatusAction, user: UserDto) => void;
  /** Called when the person shows intent (hover, focus), to fetch the dialog's code in time. */
  onIntent?: () => void;
}

/**
 * The row's Deactivate or Reactivate button. A refused action stays focusable (aria-disabled, not
 * disabled) so keyboard users can reach it and hear why: the reason is its accessible description
 * and shows in a tooltip on hover and focus.
 *
 * The tooltip is not lazy-loaded, unlike the dialog: swapping a plain button for a wrapped one
 * once the code arrived would replace the DOM node and drop keyboard focus.
 */
export function RowActionButton({ user, rowAction, onAction, onIntent }: RowActionButtonProps) {
  const t = useTranslations("statusChange");
  const protection = useTranslations("users.protection");
  const reasonId = useId();
  const reason = rowAction.disabledReason ? protection(rowAction.disabledReason) : null;
  const content = (
    <>
      {t(`${rowAction.action}.label`)}
      <span className="sr-only"> {user.name}</span>
    </>
  );

  if (!reason) {
    return (
      <Button variant="outline" size="sm" onPointerEnter={onIntent} onFocus={onIntent} onClick={() => onAction(rowAction.action, user)}>
        {content}
      </Button>
    );
  }
  return (
    <Tooltip>
      <TooltipTrigger>
        <Button variant="outline" size="sm" aria-disabled="true" aria-describedby={reasonId} className="cursor-not-allowed opacity-50">
          {content}
        </Button>
      </TooltipTrigger>
      <TooltipContent side="left">{reason}</TooltipContent>
      <span id={reasonId} className="sr-only">
        {reason}
      </span>
    </Tooltip>
  );
}
