"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { StatusAction } from "@/lib/client/users-api";
import type { UserDto } from "@/lib/offboarding/user-dto";
import type { RowAction } from "./row-action";
import { statusActions } from "../../_components/status-change/status-actions";

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
  const reasonId = useId();
  const { label } = statusActions[rowAction.action];
  const content = (
    <>
      {label}
      <span className="sr-only"> {user.name}</span>
    </>
  );

  if (!rowAction.disabledReason) {
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
      <TooltipContent side="left">{rowAction.disabledReason}</TooltipContent>
      <span id={reasonId} className="sr-only">
        {rowAction.disabledReason}
      </span>
    </Tooltip>
  );
}
